/**
 * A plan as MedicationRequests (intent `order`): one request per dose level (a run of days with
 * the same doses), grouped by the plan's id, each with one Dosage per amount and time.
 */
import type { MedicationRequest } from "@medplum/fhirtypes";
import type { Plan } from "../app/ports/plan-repository.ts";
import { getProtocol } from "../domain/protocols/catalogue.ts";
import { buildSchedule, MAX_SCHEDULE_DAYS, type ScheduleDay } from "../domain/protocols/schedule.ts";
import { formatDose } from "../domain/dose.ts";
import { daysBetween, parseIsoDate } from "../domain/calendar-date.ts";
import { LDN_BASE, PLAN_ID_SYSTEM, ref } from "./codes.ts";
import { dosagesFor, type TimedDose } from "./dosage.ts";
import { containedNaltrexone, NALTREXONE_REFERENCE } from "./naltrexone.ts";
import { planDefinitionId } from "./plan-definition.ts";

/** A run of days with the same doses; `end` is absent for the level the schedule holds at. */
export interface DoseLevel {
  readonly firstDay: number;
  readonly start: string;
  readonly end?: string;
  readonly doses: readonly TimedDose[];
}

/** Days scheduled past the export date, so the level running on it is seen whole. */
const LOOK_AHEAD_DAYS = 31;

/**
 * Consecutive schedule days with the same doses, as levels.
 *
 * @example doseLevels(days).map((l) => l.firstDay) // [1, 3, 5, ...] for micro-titration (2 days a level)
 */
export function doseLevels(days: readonly ScheduleDay[]): DoseLevel[] {
  const levels: DoseLevel[] = [];
  for (const day of days) {
    const last = levels.at(-1);
    if (last !== undefined && sameDoses(last.doses, day.doses)) {
      levels[levels.length - 1] = { ...last, end: day.date };
    } else {
      levels.push({ firstDay: day.day, start: day.date, end: day.date, doses: day.doses });
    }
  }
  return levels;
}

const sameDoses = (a: readonly TimedDose[], b: readonly TimedDose[]) =>
  a.length === b.length && a.every((d, i) => d.time === b[i]!.time && d.ug === b[i]!.ug);

/**
 * The plan's protocol schedule from its start through the level running on `asOf` (what has
 * been ordered so far), one MedicationRequest per level; the level the schedule holds at has no
 * end. A plan starting after `asOf` gives its first level. The engine's own later changes
 * (a MED set, a consolidation) are its proposals and the clinician's decisions, exported apart.
 *
 * @example planRequests(plan, "2027-01-12")[0].dosageInstruction.length // 1 (0.1 mg at 08:00)
 */
export function planRequests(plan: Plan, asOf: string): MedicationRequest[] {
  const protocol = getProtocol(plan.protocolId);
  const through = Math.max(0, daysBetween(parseIsoDate(plan.startDate), parseIsoDate(asOf)));
  const days = Math.min(MAX_SCHEDULE_DAYS, through + 1 + LOOK_AHEAD_DAYS);
  const schedule = buildSchedule(protocol, { start: plan.startDate, settings: plan.settings, days });
  const all = doseLevels(schedule.days);
  const kept = all.filter((level, i) => i === 0 || level.start <= asOf);
  const held = kept.length === all.length && schedule.days.length === days;
  return kept.map((level, i) =>
    levelRequest(
      plan,
      held && i === kept.length - 1 ? { ...level, end: undefined } : level,
      asOf,
      protocol.limits.maxPerDayUg,
    ),
  );
}

function levelRequest(plan: Plan, level: DoseLevel, asOf: string, maxPerDayUg: number): MedicationRequest {
  const total = level.doses.reduce((sum, d) => sum + d.ug, 0);
  const until = level.end === undefined ? "on" : `to ${level.end}`;
  return {
    resourceType: "MedicationRequest",
    id: `${plan.id}-d${level.firstDay}`,
    contained: [containedNaltrexone()],
    groupIdentifier: { system: PLAN_ID_SYSTEM, value: plan.id },
    status: level.end !== undefined && level.end < asOf ? "completed" : "active",
    intent: "order",
    medicationReference: NALTREXONE_REFERENCE,
    subject: ref("Patient", plan.patientId),
    authoredOn: plan.createdAt,
    requester: ref("Practitioner", plan.createdBy),
    instantiatesCanonical: [planDefinitionUrl(plan)],
    note: [
      {
        text:
          `${formatDose(total)} a day in ${level.doses.length} dose(s) from ${level.start} ${until} ` +
          `(plan day ${level.firstDay}, protocol ${plan.protocolId} version ${plan.protocolVersion})`,
      },
    ],
    dosageInstruction: dosagesFor(level.doses, level, maxPerDayUg),
  };
}

/** The canonical URL of the plan's protocol version. */
export const planDefinitionUrl = (plan: Pick<Plan, "protocolId" | "protocolVersion">): string =>
  `${LDN_BASE}/PlanDefinition/${planDefinitionId(plan.protocolId, plan.protocolVersion)}`;
