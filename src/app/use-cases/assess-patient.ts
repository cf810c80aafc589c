/**
 * The engine's view of one patient as of a date: their current plan, diary and the clinician's
 * overrides replayed through the titration state machine (src/domain/titration).
 */
import type { Plan } from "../ports/plan-repository.ts";
import type { Decision } from "../ports/recommendation-repository.ts";
import type { Repositories } from "../ports/store.ts";
import type { DiaryEntry } from "../ports/diary-repository.ts";
import { addDays, parseIsoDate, type IsoDate } from "../../domain/calendar-date.ts";
import type { DiaryDay } from "../../domain/diary/diary-day.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { assessTitration } from "../../domain/titration/assess-titration.ts";
import { parseDecision, type ClinicianDecision } from "../../domain/titration/decisions.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";

export interface PatientRecord {
  readonly plan: Plan | undefined;
  readonly diary: readonly DiaryEntry[];
  readonly decisions: readonly Decision[];
}

/**
 * Reads what the engine needs (each read audited by the repositories).
 *
 * @example const record = await loadPatientRecord(tx, patientId);
 */
export async function loadPatientRecord(tx: Repositories, patientId: string): Promise<PatientRecord> {
  const plans = await tx.plans.listForPatient(patientId);
  const diary = await tx.diary.listForPatient(patientId);
  const decisions = await tx.recommendations.decisionsForPatient(patientId);
  return { plan: plans.at(-1), diary, decisions };
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
  const days = record.diary.map((e) => e.body as unknown as DiaryDay);
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

/** The day the patient's next doses are for: the day after the assessment. */
export const nextDate = (a: Assessment): IsoDate => a.next.date;
