/**
 * SMART App Launch settings, from the environment. None is clinical: they name the EHRs a clinic
 * lets ldn launch from, ldn's client id registered with them, and the scopes ldn asks for.
 */
import { invalidArgument } from "../../domain/errors.ts";

export interface SmartSettings {
  /** ldn's client id at the EHR's authorization server (LDN_SMART_CLIENT_ID). */
  readonly clientId: string;
  /** The EHR FHIR base URLs (`iss`) ldn accepts a launch from (LDN_SMART_ISS, space separated). */
  readonly allowedIss: readonly string[];
  /** The scopes asked for (LDN_SMART_SCOPES). */
  readonly scopes: string;
}

/** Read access to what prefilling needs (Condition: how long the chronic pain has lasted); write scopes are the clinic's to add. */
export const DEFAULT_SMART_SCOPES =
  "launch openid fhirUser patient/Patient.read patient/MedicationRequest.read patient/MedicationStatement.read patient/Condition.read";

/**
 * The settings, or null when no client id is set (SMART launch is then off: /smart/* answers 404).
 *
 * @example smartSettingsFromEnv({ LDN_SMART_CLIENT_ID: "ldn", LDN_SMART_ISS: "https://ehr.example/fhir" })
 */
export function smartSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SmartSettings | null {
  const clientId = env.LDN_SMART_CLIENT_ID ?? "";
  if (clientId === "") return null;
  const allowedIss = (env.LDN_SMART_ISS ?? "").split(/\s+/).filter((s) => s !== "");
  if (allowedIss.length === 0)
    throw invalidArgument(
      "LDN_SMART_ISS",
      env.LDN_SMART_ISS ?? "",
      "must name at least one EHR FHIR base URL",
    );
  for (const iss of allowedIss) {
    if (!URL.canParse(iss)) throw invalidArgument("LDN_SMART_ISS", iss, "must be an absolute URL");
  }
  const scopes = (env.LDN_SMART_SCOPES ?? "").trim() || DEFAULT_SMART_SCOPES;
  return { clientId, allowedIss: allowedIss.map((s) => s.replace(/\/+$/, "")), scopes };
}
