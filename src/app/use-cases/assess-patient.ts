/**
 * The engine's view of one patient as of a date: their current plan, diary and the clinician's
 * overrides replayed through the titration state machine (src/domain/titration), with the
 * opioids recorded at their screening (the engine alerts while they titrate on them).
 */
import type { Patient } from "../ports/patient-repository.ts";
import type { Plan } from "../ports/plan-repository.ts";
import type { Decision } from "../ports/recommendation-repository.ts";
import type { Repositories } from "../ports/store.ts";
import type { DiaryEntry } from "../ports/diary-repository.ts";
import { addDays, parseIsoDate } from "../../domain/calendar-date.ts";
import { diaryDayOf } from "./read-diary.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { assessTitration, type OpioidsAtScreening } from "../../domain/titration/assess-titration.ts";
import { parseDecision, type ClinicianDecision } from "../../domain/titration/decisions.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";
import { storedScreening } from "./enrol-patient.ts";

export interface PatientRecord {
  readonly plan: Plan | undefined;
  readonly diary: readonly DiaryEntry[];
  readonly decisions: readonly Decision[];
  /** The opioids recorded at screening; absent when none (or not read). */
  readonly opioids?: OpioidsAtScreening | undefined;
}

/**
 * Reads what the engine needs (each read audited by the repositories: the screening as
 * `patient.read`, since the opioids recorded there reach the engine).
 *
 * @example const record = await loadPatientRecord(tx, patientId);
 */
export async function loadPatientRecord(tx: Repositories, patientId: string): Promise<PatientRecord> {
  const patient = await tx.patients.get(patientId);
  const plans = await tx.plans.listForPatient(patientId);
  const diary = await tx.diary.listForPatient(patientId);
  const decisions = await tx.recommendations.decisionsForPatient(patientId);
  return { plan: plans.at(-1), diary, decisions, opioids: patient && opioidsAtScreening(patient) };
}

/**
 * What the engine needs of the opioids recorded at the patient's screening: each drug's name
 * as written (once, however many regimens of it), those with no MME factor (buprenorphine)
 * included, and the total MME a day the screening computed (0 when none converts).
 * Undefined when the screening recorded no opioids.
 *
 * @example opioidsAtScreening(patient) // { names: ["oxycodone"], mmePerDay: 60 }
 */
export function opioidsAtScreening(patient: Patient): OpioidsAtScreening | undefined {
  const { answers, result } = storedScreening(patient);
  const written = answers?.opioids ?? [];
  if (written.length === 0) return undefined;
  const names = [
    ...new Set([...(result?.mme?.lines ?? []).map((l) => l.written), ...(result?.opioidsWithoutMme ?? [])]),
  ];
  // A screening stored without its per-drug lines still names what was written.
  return { names: names.length > 0 ? names : [...written], mmePerDay: result?.mme?.totalMmePerDay ?? 0 };
}

/**
 * The assessment as of `asOf` (default: the last diary day, or the day before the start).
 * Returns null when the patient has no plan yet.
 *
 * @example assessRecord(record, "2027-01-20")?.state // "window"
 */
export function assessRecord(record: PatientRecord, asOf?: string): Assessment | null {
  const { plan } = record;
  if (!plan) return null;
  const protocol = getProtocol(plan.protocolId);
  const days = record.diary.map(diaryDayOf);
  const start = parseIsoDate(plan.startDate, "startDate");
  const last = days
    .map((d) => d.date)
    .sort()
    .at(-1);
  const until =
    asOf !== undefined ? parseIsoDate(asOf, "asOf") : last && last >= start ? last : addDays(start, -1);
  return assessTitration({
    protocol,
    settings: plan.settings,
    start,
    days,
    decisions: engineDecisions(record.decisions, protocol),
    asOf: until,
    detector: chooseDetector(plan.detector),
    ...(record.opioids ? { opioids: record.opioids } : {}),
  });
}

function engineDecisions(
  decisions: readonly Decision[],
  protocol: ReturnType<typeof getProtocol>,
): ClinicianDecision[] {
  return decisions
    .filter((d) => d.engineDecision !== null)
    .map((d, i) => parseDecision(d.engineDecision, protocol, `decisions[${i}]`));
}
