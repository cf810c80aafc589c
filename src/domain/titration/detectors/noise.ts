/**
 * How noisy one patient's ratings are, from their own diary: the yardstick the robust
 * detector measures drops against when a level rests on many days (clinical reference 4:
 * "day-to-day pain ratings are noisy and person-specific").
 */
import type { LevelStats } from "../level-stats.ts";
import type { RobustSettings } from "../thresholds.ts";
import type { Baseline } from "./detector.ts";

/**
 * The patient's day-to-day SD of pain: the scatter of days around their own level's mean
 * (baseline days around the baseline mean), pooled. Until that rests on `minScatterDf`
 * degrees of freedom the design setting `assumedNoiseSd` stands in. A patient who rates
 * the same number every day at a dose has an SD of 0, so any steady drop counts.
 *
 * @example noiseSd(stats, { mean: 7, days: 3, ss: 2 }, ROBUST_DEFAULTS) // 1.1
 */
export function noiseSd(stats: LevelStats, baseline: Baseline, settings: RobustSettings): number {
  const levels = stats.withinLevelScatter();
  const df = levels.df + Math.max(0, baseline.days - 1);
  if (df < settings.minScatterDf) return settings.assumedNoiseSd;
  return Math.sqrt((levels.ss + baseline.ss) / df);
}

/**
 * The standard error of the difference between two means of `n1` and `n2` days.
 *
 * @example differenceSe(1.2, 3, 28) // 0.73
 */
export function differenceSe(sd: number, n1: number, n2: number): number {
  return sd * Math.sqrt(1 / Math.max(1, n1) + 1 / Math.max(1, n2));
}
