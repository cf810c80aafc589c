/** The doses a patient actually takes: their plan's schedule as the titration has moved it. */
import type { Plan } from "../ports/plan-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { addDays, daysBetween, parseIsoDate } from "../../domain/calendar-date.ts";
import { invalidArgument, notFound } from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";
import { buildSchedule, MAX_SCHEDULE_DAYS } from "../../domain/protocols/schedule.ts";
import type { ScheduledDose } from "../../domain/protocols/split-doses.ts";
import type { TitrationState } from "../../domain/titration/titration-state.ts";
import { assessRecord, loadPatientRecord, type PatientRecord } from "./assess-patient.ts";

/** One day of what the patient takes: its number in the plan (day 1 is the start), date and doses. */
export interface PlannedDay {
  readonly day: number;
  readonly date: string;
  readonly totalUg: number;
  readonly doses: readonly ScheduledDose[];
}

export interface PlannedDays {
  readonly plan: Plan;
  readonly protocol: ProtocolDefinition;
  /** The opioids recorded at screening, by name: they reach the patient's instructions (002: withdrawal). */
  readonly opioids: readonly string[];
  readonly days: readonly PlannedDay[];
  /** The engine's state on the eve of `from` (null from the plan's first day: nothing to assess). */
  readonly state: TitrationState | null;
}

/**
 * The patient's current plan and `length` days of the doses they will take from `from` (from
 * the start when `from` is before it). Not the protocol as written once the titration has
 * moved away from it: a patient in the window, at the MED, paused or in maintenance holds the
 * engine's current doses; a titrating patient continues the protocol from the level the
 * engine recommends now (after a GI hold, say), not from the calendar's; a stopped patient
 * takes none. What is printed and compounded is what the patient takes. `field` names `from`
 * in an error.
 *
 * @example const { protocol, days } = await planDays(tx, patientId, "2027-01-05", 28, "from");
 */
export async function planDays(
  tx: Repositories,
  patientId: string,
  from: string | undefined,
  length: number,
  field: string,
): Promise<PlannedDays> {
  return planDaysOf(await loadPatientRecord(tx, patientId), from, length, field);
}

/**
 * `planDays` for a patient record already loaded (the pharmacy's queue loads many at once).
 *
 * @example const { days } = planDaysOf(record, "2027-01-05", 28, "fillStart");
 */
export function planDaysOf(
  record: PatientRecord,
  from: string | undefined,
  length: number,
  field: string,
): PlannedDays {
  const plan = record.plan;
  if (!plan) throw notFound("plan", "This patient has no plan yet");
  const opioids = record.opioids?.names ?? [];
  const protocol = getProtocol(plan.protocolId);
  const start = parseIsoDate(plan.startDate);
  const first =
    from === undefined || daysBetween(start, parseIsoDate(from, field)) < 0
      ? start
      : parseIsoDate(from, field);
  const offset = daysBetween(start, first);
  // Said of `from`, as the caller gave it: the schedule's own check would name a length of days
  // from the start that no one sent (a `from` of 9999-01-01 was "days: ... (got 2911758)").
  if (offset + length > MAX_SCHEDULE_DAYS)
    throw invalidArgument(
      field,
      from,
      `must be within ${MAX_SCHEDULE_DAYS} days of the plan's start, ${start}`,
    );
  const written = buildSchedule(protocol, { start, days: offset + length, settings: plan.settings }).days;
  const assessment = offset === 0 ? null : assessRecord(record, addDays(first, -1));
  if (assessment === null) return { plan, protocol, opioids, days: written.slice(offset), state: null };
  const dates = Array.from({ length }, (_, i) => addDays(first, i));
  if (assessment.state !== "titrating") {
    const held = assessment.next;
    return {
      plan,
      protocol,
      opioids,
      days: dates.map((date, i) => ({ day: offset + i + 1, date, totalUg: held.totalUg, doses: held.doses })),
      state: assessment.state,
    };
  }
  // Continue the protocol from the engine's level: the first written day at that total.
  const resume = written.findIndex((d) => d.totalUg === assessment.next.totalUg);
  const longer =
    resume < 0
      ? written
      : buildSchedule(protocol, { start, days: resume + length, settings: plan.settings }).days;
  const from0 = resume < 0 ? offset : resume;
  return {
    plan,
    protocol,
    opioids,
    // Nothing past the protocol's last written day (004: the titration stops at 6 mg on day 120).
    days: dates.flatMap((date, i) => {
      const d = longer[from0 + i];
      return d ? [{ day: offset + i + 1, date, totalUg: d.totalUg, doses: d.doses }] : [];
    }),
    state: assessment.state,
  };
}
