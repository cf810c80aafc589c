/**
 * A FHIR Bundle of one patient and their medications as what ldn enrols: a display name and
 * the screening answers, the opioids as regimen text for the MME calculation. Read whole before
 * anything is stored, so a refusal keeps nothing; every refusal names the resource and field.
 */
import type {
  Bundle,
  Condition,
  MedicationRequest,
  MedicationStatement,
  Patient,
  Resource,
} from "@medplum/fhirtypes";
import type { ScreeningAnswers } from "../app/use-cases/enrol-patient.ts";
import { DomainError, unacceptable } from "../domain/errors.ts";
import { PREGNANCY_STATUSES, type PregnancyStatus } from "../domain/screening/types.ts";
import { CHRONIC_PAIN, SCREENING_EXTENSION } from "./codes.ts";
import { drugName, isKnownOpioid, opioidText } from "./read-opioid.ts";

export interface ImportedPatient {
  readonly displayName: string;
  readonly answers: ScreeningAnswers;
  /** Medications that are not opioids ldn knows, left out of the screening, said so. */
  readonly skipped: readonly string[];
}

const refuse = (field: string, why: string): never => {
  throw unacceptable(field, why);
};

/**
 * @example readPatientBundle(bundle, "2027-01-04").answers.opioids // ["oxycodone 10mg x3"]
 */
export function readPatientBundle(input: unknown, today: string): ImportedPatient {
  try {
    return readWhole(input, today);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // A shape no FHIR Bundle has (an entry that is not a list, a name that is a number): refused
    // as bad input, never a server error.
    throw unacceptable("Bundle", `not a well-formed FHIR R4 Bundle (${(err as Error).message})`);
  }
}

function readWhole(input: unknown, today: string): ImportedPatient {
  const bundle = input as Bundle;
  if (bundle?.resourceType !== "Bundle") refuse("resourceType", "must be Bundle");
  const resources: Resource[] = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patients = resources.filter((r): r is Patient => r.resourceType === "Patient");
  if (patients.length !== 1)
    refuse("Bundle.entry", `must hold exactly one Patient (holds ${patients.length})`);
  const patient = patients[0]!;
  const where = `Patient/${patient.id ?? "(no id)"}`;
  const displayName = nameOf(patient) ?? refuse(`${where}.name`, "gives no name (text, or given and family)");
  const opioids: string[] = [];
  const skipped: string[] = [];
  for (const r of resources) {
    if (r.resourceType !== "MedicationRequest" && r.resourceType !== "MedicationStatement") continue;
    if (!isCurrentOpioidCandidate(r)) continue;
    const name = drugName(r);
    if (name === undefined || !isKnownOpioid(name)) {
      skipped.push(
        `${r.resourceType}/${r.id ?? "(no id)"}: ${name ?? "no drug named"} is not an opioid ldn knows`,
      );
      continue;
    }
    opioids.push(opioidText(r));
  }
  const saved = savedScreening(patient, where);
  const answers: ScreeningAnswers = saved
    ? { ...saved, opioids }
    : {
        ageYears: ageOf(patient, where, today),
        painMonths: painMonthsOf(resources, today),
        // An EHR bundle rarely says; "unknown" holds any plan until a clinician records it.
        pregnancy: "unknown",
        opioids,
        mustStayOnOpioids: false,
        riskFactors: [],
      };
  return { displayName, answers, skipped };
}

/** Active orders and statements the patient takes, not ldn's own naltrexone or its proposals. */
function isCurrentOpioidCandidate(r: MedicationRequest | MedicationStatement): boolean {
  if (r.status !== "active") return false;
  if (r.resourceType === "MedicationRequest" && r.intent !== "order" && r.intent !== "plan") return false;
  return r.medicationReference?.reference !== "#ldn";
}

function nameOf(patient: Patient): string | undefined {
  const name = patient.name?.[0];
  if (name === undefined) return undefined;
  const text = name.text ?? [...(name.given ?? []), name.family ?? ""].join(" ").trim();
  return text === "" ? undefined : text.slice(0, 200);
}

/** The answers ldn's own export carries in its extension, checked field by field. */
function savedScreening(patient: Patient, where: string): Omit<ScreeningAnswers, "opioids"> | undefined {
  const text = patient.extension?.find((e) => e.url === SCREENING_EXTENSION)?.valueString;
  if (text === undefined) return undefined;
  const field = `${where}.extension(screening-answers)`;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return refuse(field, "is not JSON");
  }
  const whole = (key: string, max: number): number => {
    const v = parsed[key];
    return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max
      ? v
      : refuse(`${field}.${key}`, `must be a whole number 0-${max}`);
  };
  const pregnancy = parsed.pregnancy as PregnancyStatus;
  if (!PREGNANCY_STATUSES.includes(pregnancy))
    refuse(`${field}.pregnancy`, `must be one of ${PREGNANCY_STATUSES.join(", ")}`);
  const risks = parsed.riskFactors;
  if (!Array.isArray(risks) || !risks.every((r) => typeof r === "string"))
    refuse(`${field}.riskFactors`, "must be a list of text");
  return {
    ageYears: whole("ageYears", 130),
    painMonths: whole("painMonths", 1200),
    pregnancy,
    mustStayOnOpioids: parsed.mustStayOnOpioids === true,
    riskFactors: risks as string[],
  };
}

function ageOf(patient: Patient, where: string, today: string): number {
  const birth = patient.birthDate;
  if (birth === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) {
    return refuse(`${where}.birthDate`, "must be a full date (YYYY-MM-DD) to screen the patient's age");
  }
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Months since the chronic pain's onset (SNOMED 82423001), from the Condition's onsetDateTime. */
function painMonthsOf(resources: readonly Resource[], today: string): number {
  const code = CHRONIC_PAIN.coding![0]!.code;
  const pain = resources.find(
    (r): r is Condition =>
      r.resourceType === "Condition" && r.code?.coding?.some((c) => c.code === code) === true,
  );
  if (pain === undefined)
    return refuse("Bundle.entry", "must hold a Condition for chronic pain (SNOMED 82423001)");
  const onset = pain.onsetDateTime;
  if (onset === undefined || !/^\d{4}-\d{2}/.test(onset)) {
    return refuse(
      `Condition/${pain.id ?? "(no id)"}.onsetDateTime`,
      "must say when the pain began (YYYY-MM at least)",
    );
  }
  const months =
    (Number(today.slice(0, 4)) - Number(onset.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(onset.slice(5, 7));
  return Math.max(0, months);
}
