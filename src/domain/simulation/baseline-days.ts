/**
 * The diary days before the first dose, as the engine's plan takes them: each day's pain,
 * and each day's wellbeing (the mean of mood, energy and clarity, as the engine pools them).
 */
import { wellbeingOf, type DiaryRater } from "./diary-rater.ts";

export interface BaselineRatings {
  readonly baselinePain: readonly number[];
  /**
   * For an engine that reads a wellbeing baseline: spread into the plan, so an engine whose
   * plan has no such field is unaffected.
   */
  readonly baselineWellbeing: readonly number[];
}

/**
 * Rates `days` days on no LDN.
 *
 * @example baselineDays(rater, 3) // { baselinePain: [6, 7, 6], baselineWellbeing: [4.33, 4, 4.67] }
 */
export function baselineDays(rater: DiaryRater, days: number): BaselineRatings {
  const baselinePain: number[] = [];
  const baselineWellbeing: number[] = [];
  for (let i = 0; i < days; i++) {
    const day = rater.rate(0, 0);
    baselinePain.push(day.pain);
    baselineWellbeing.push(wellbeingOf(day));
  }
  return { baselinePain, baselineWellbeing };
}
