/**
 * An EHR's `.well-known/smart-configuration` (SMART App Launch v2), read with zod, and the
 * authorize URL built from it. A server that does not advertise PKCE S256 is refused rather than
 * launched without it (peers' bug: client-js #174 sent PKCE only when advertised).
 */
import { z } from "zod/v4";
import { refused } from "../../domain/errors.ts";

const SmartConfigurationSchema = z.looseObject({
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});

export type SmartConfiguration = z.infer<typeof SmartConfigurationSchema>;

/**
 * @example readSmartConfiguration(await (await fetch(`${iss}/.well-known/smart-configuration`)).json())
 */
export function readSmartConfiguration(json: unknown, iss: string): SmartConfiguration {
  const parsed = SmartConfigurationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(
      `${iss}/.well-known/smart-configuration: ${issue.path.join(".") || "(document)"} ${issue.message}`,
      { field: `smart-configuration.${issue.path.join(".")}` },
    );
  }
  if (!(parsed.data.code_challenge_methods_supported ?? []).includes("S256")) {
    throw refused(
      `${iss} does not advertise PKCE S256 (code_challenge_methods_supported: ${JSON.stringify(parsed.data.code_challenge_methods_supported ?? [])}); SMART v2 requires it and ldn will not launch without it`,
      { field: "smart-configuration.code_challenge_methods_supported" },
    );
  }
  return parsed.data;
}

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly challenge: string;
  /** The EHR's FHIR base URL (`iss`), sent as `aud`. */
  readonly aud: string;
  /** The EHR launch's opaque `launch`; absent for a standalone launch. */
  readonly launch?: string;
}

/**
 * @example authorizeUrl(config, { clientId: "ldn", redirectUri, scope: "launch openid fhirUser patient/Patient.rs", state, challenge, aud: iss, launch })
 * // "https://ehr.example/authorize?response_type=code&client_id=ldn&...&code_challenge_method=S256"
 */
export function authorizeUrl(config: SmartConfiguration, request: AuthorizeRequest): string {
  const url = new URL(config.authorization_endpoint);
  const params: [string, string][] = [
    ["response_type", "code"],
    ["client_id", request.clientId],
    ["redirect_uri", request.redirectUri],
    ["scope", request.scope],
    ["state", request.state],
    ["aud", request.aud],
    ["code_challenge", request.challenge],
    ["code_challenge_method", "S256"],
  ];
  if (request.launch !== undefined) params.push(["launch", request.launch]);
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * Whether the granted scopes let ldn write a resource type for the patient (SMART v2 `c`, or
 * v1 `write`/`*`).
 *
 * @example mayWrite("launch patient/Observation.cru patient/Patient.rs", "Observation") // true
 */
export function mayWrite(granted: string, resourceType: string): boolean {
  return granted.split(/\s+/).some((scope) => {
    const m = /^(?:patient|user)\/([A-Za-z*]+)\.([a-z*]+)$/.exec(scope);
    if (m === null || (m[1] !== resourceType && m[1] !== "*")) return false;
    const access = m[2]!;
    return access === "write" || access === "*" || (/^c?r?u?d?s?$/.test(access) && access.includes("c"));
  });
}
