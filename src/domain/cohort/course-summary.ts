/**
 * How the clinic's titrations went, beside 004's tables: the responder rate, the time from
 * the plan's start to the MED, and the drop-outs (plans stopped before a MED was found).
 * Pure counting over one fact sheet per patient; the medians come from `describe`, which is
 * checked against scipy (test/stats-agreement.test.ts).
 */
import { describe } from "../stats/descriptive.ts";

/** One patient's course, as the use case reads it from the plan, the engine and the questionnaires. */
export interface PatientCourse {
  /** Days from the plan's first day to the day the MED was set; null when no MED yet. */
  readonly daysToMed: number | null;
  /** The titration stopped before any MED was set. */
  readonly droppedOut: boolean;
  /** BPI pain severity (0-10) before the plan and at least 4 weeks after the MED. */
  readonly painBefore: number | null;
  readonly painAfter: number | null;
}

/**
 * A responder's pain fell by at least this fraction: IMMPACT's "moderate" meaningful change,
 * 30% (Dworkin 2008; Farrar 2001 for the pain NRS), clinical-reference.md section 4.
 */
export const RESPONDER_PAIN_DROP = 0.3;

export interface Proportion {
  readonly n: number;
  /** The patients it is counted over. */
  readonly of: number;
  /** n / of x 100; null when `of` is 0. */
  readonly percent: number | null;
}

export interface CourseSummary {
  readonly patients: number;
  /** Counted over patients with a pain score above 0 before and one after. */
  readonly responders: Proportion;
  /** Over patients with a MED; null when none has one. */
  readonly daysToMed: {
    readonly n: number;
    readonly median: number;
    readonly min: number;
    readonly max: number;
  } | null;
  /** Counted over every patient on a plan. */
  readonly dropOuts: Proportion;
}

/**
 * Responder rate, time to MED and drop-outs over the given patients.
 *
 * @example
 * summariseCourses([{ daysToMed: 20, droppedOut: false, painBefore: 6, painAfter: 3 }]);
 * // { patients: 1, responders: { n: 1, of: 1, percent: 100 }, daysToMed: { n: 1, median: 20, ... }, ... }
 */
export function summariseCourses(courses: readonly PatientCourse[]): CourseSummary {
  const rated = courses.filter((c) => c.painBefore !== null && c.painBefore > 0 && c.painAfter !== null);
  const responders = rated.filter((c) => isResponder(c.painBefore!, c.painAfter!)).length;
  const days = courses.map((c) => c.daysToMed).filter((d): d is number => d !== null);
  const d = days.length > 0 ? describe(days) : null;
  return {
    patients: courses.length,
    responders: proportion(responders, rated.length),
    daysToMed: d && { n: d.n, median: d.median, min: d.min, max: d.max },
    dropOuts: proportion(courses.filter((c) => c.droppedOut).length, courses.length),
  };
}

/**
 * Whether pain fell by at least 30% of its value before the plan.
 *
 * @example isResponder(6, 4.2); // true (exactly 30%)
 */
export function isResponder(before: number, after: number): boolean {
  // Compared as after <= 70% of before in whole hundredths, so 6 -> 4.2 is exactly 30%
  // and not 29.999...% by floating point.
  return Math.round(after * 100) * 10 <= Math.round(before * 100) * (10 - RESPONDER_PAIN_DROP * 10);
}

function proportion(n: number, of: number): Proportion {
  return { n, of, percent: of === 0 ? null : (n / of) * 100 };
}
