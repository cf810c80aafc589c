/**
 * Tomorrow's doses: the total the titration is heading for, reached at the protocol's own
 * pace (a clinician's higher dose climbs by the protocol's step and days per level, 004:
 * 0.1 mg every 2 days), split into the day's doses within every hard limit.
 */
import { limitExceeded } from "../../errors.ts";
import { limitViolations } from "../../protocols/limits.ts";
import { splitDoses, type ScheduledDose } from "../../protocols/split-doses.ts";
import type { ProtocolRules } from "../protocol-rules.ts";
import { sleepTimes } from "../sleep-times.ts";
import type { NextDoses } from "../titration-state.ts";
import { show, type Titration } from "./titration.ts";
import { nextDay } from "../../calendar-date.ts";

/** The protocol's step and days per step for a climb, or null when a raise is taken at once. */
export function climbPace(rules: ProtocolRules): { stepUg: number; days: number } | null {
  if (rules.kind === "ascending") return { stepUg: rules.stepUg, days: rules.daysPerLevel };
  if (rules.kind === "fixed-then-adjust") return { stepUg: rules.stepUg, days: rules.daysPerStep };
  // Fixed and continuous protocols have no steps: a clinician's raise (back to a dose already
  // tolerated, say) is taken as decided.
  return null;
}

/**
 * Tomorrow's total: the target, reached by the protocol's step once the current level has
 * its days; going down is immediate.
 *
 * @example nextTotal(t) // 500 while a clinician's 1 mg is being climbed to from 0.4 mg
 */
export function nextTotal(t: Titration): number {
  const s = t.s;
  if (s.state === "stopped") return 0;
  if (s.currentUg === 0 || s.targetUg <= s.currentUg) return s.targetUg;
  const pace = climbPace(t.rules);
  if (!pace) return s.targetUg;
  if (s.daysAtLevel < pace.days) return s.currentUg;
  return Math.min(s.targetUg, s.currentUg + pace.stepUg);
}

/** Says how a clinician's higher dose will be reached, when it is not reached at once. */
export function climbNote(t: Titration, target: number): string {
  const pace = climbPace(t.rules);
  if (!pace || t.s.currentUg === 0 || target <= t.s.currentUg + pace.stepUg) return "";
  return `, reached by ${show(t, pace.stepUg)} every ${pace.days} days (${t.plan.protocol.id}'s pace)`;
}

/**
 * The doses for the day after the last day read, always within the protocol's limits.
 *
 * @example nextDoses(t) // { date: "2027-01-05", totalUg: 100, doses: [{ time: "08:00", ug: 100 }] }
 */
export function nextDoses(t: Titration): NextDoses {
  const date = nextDay(t.s.date);
  if (t.s.state === "stopped") return { date, totalUg: 0, doses: [] };
  const totalUg = nextTotal(t);
  return { date, totalUg, doses: safeDoses(t, totalUg) };
}

export function dosesFor(t: Titration, totalUg: number, count: number): ScheduledDose[] {
  return splitDoses(totalUg, sleepTimes(t.plan.settings.times, count, t.s.sleep.step), t.granularityUg);
}

/** True when `totalUg` in `count` doses meets every limit of the protocol. */
export function fitsLimits(t: Titration, totalUg: number, count: number): boolean {
  const doses = dosesFor(t, totalUg, count);
  return limitViolations(t.plan.protocol, { totalUg, doses }).length === 0;
}

/** The day's doses in the fewest doses at or above the current count that meet every limit. */
function safeDoses(t: Titration, totalUg: number): ScheduledDose[] {
  const limits = t.plan.protocol.limits;
  for (let count = t.s.doseCount; count <= limits.maxDosesPerDay; count++) {
    if (fitsLimits(t, totalUg, count)) return dosesFor(t, totalUg, count);
  }
  throw limitExceeded(`${show(t, totalUg)} a day cannot be given within ${t.plan.protocol.id}'s limits`, {
    field: "next",
    value: totalUg,
  });
}
