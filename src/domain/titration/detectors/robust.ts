/**
 * The robust detector (this project's design; its numbers are design settings in
 * `thresholds.ts`, checked with `ldn simulate`). Day-to-day pain wanders by 1-2 points
 * (clinical reference 4), so two days at one level say little. It:
 * - smooths: each level's value is the mean of its own days and its neighbours' on the
 *   path (about 6 days instead of 2);
 * - needs a minimal important drop to enter the window: at least 1 point and 15% of baseline;
 * - settles the MED only after several levels in a row bring no new best by a margin;
 * - takes as MED the lowest dose whose smoothed pain is within a small tolerance of the
 *   best, since above it there is "no additional improvement" (004);
 * - calls hormesis only when the levels above the MED, pooled, are worse by Farrar's
 *   2 points or worse than before LDN.
 */
import { formatDose } from "../../dose.ts";
import type { LevelStats } from "../level-stats.ts";
import {
  PAIN_MCID_POINTS,
  ROBUST_NEW_BEST_MARGIN,
  ROBUST_PATIENCE_LEVELS,
  ROBUST_PLATEAU_TOLERANCE,
  ROBUST_SMOOTHING_NEIGHBOURS,
  ROBUST_WINDOW_MIN_DROP_POINTS,
  ROBUST_WINDOW_MIN_DROP_SHARE,
} from "../thresholds.ts";
import type { Detector } from "./detector.ts";
import { pain } from "./describe.ts";

/**
 * Smoothed pain of each level of `path`: the pooled mean of its days and those of its
 * neighbours on the path.
 *
 * @example smoothedPath(stats, [100, 200, 300]) // [{ ug: 100, mean: ..., n: 4 }, ...]
 */
export function smoothedPath(
  stats: LevelStats,
  path: readonly number[],
  neighbours = ROBUST_SMOOTHING_NEIGHBOURS,
): { ug: number; mean: number; n: number }[] {
  return path.map((ug, i) => {
    const pooled = stats.pooledMean(path.slice(Math.max(0, i - neighbours), i + neighbours + 1))!;
    return { ug, mean: pooled.mean, n: pooled.n };
  });
}

/** The drop below baseline that counts as entering the window (design setting). */
export function windowDrop(baselineMean: number): number {
  return Math.max(ROBUST_WINDOW_MIN_DROP_POINTS, ROBUST_WINDOW_MIN_DROP_SHARE * baselineMean);
}

function describeSmoothed(s: { ug: number; mean: number; n: number }): string {
  return `${formatDose(s.ug)} (smoothed pain ${pain(s.mean)} over ${s.n} days)`;
}

export const robustDetector: Detector = {
  name: "robust",

  windowEntry(baselineMean, stats, path) {
    const recent = path.slice(-(2 * ROBUST_SMOOTHING_NEIGHBOURS + 1));
    const pooled = stats.pooledMean(recent)!;
    const needed = windowDrop(baselineMean);
    const drop = baselineMean - pooled.mean;
    const entered = drop >= needed;
    // The window begins at the first of the recent levels already below baseline.
    const atUg = recent.find((ug) => stats.summary(ug)!.meanPain < baselineMean) ?? path.at(-1)!;
    return {
      entered,
      atUg: entered ? atUg : path.at(-1)!,
      reason:
        `pain over the last ${recent.length} level(s) up to ${formatDose(path.at(-1)!)}: ${pain(pooled.mean)} over ${pooled.n} days, ` +
        `${pain(drop)} below baseline ${pain(baselineMean)}; the window needs ${pain(needed)} ` +
        `(design setting: at least ${ROBUST_WINDOW_MIN_DROP_POINTS} point and ${ROBUST_WINDOW_MIN_DROP_SHARE * 100}% of baseline, IMMPACT minimal change)`,
    };
  },

  med(stats, path) {
    const smoothed = smoothedPath(stats, path);
    let bestIndex = 0;
    for (let i = 1; i < smoothed.length; i++) {
      if (smoothed[i]!.mean < smoothed[bestIndex]!.mean - ROBUST_NEW_BEST_MARGIN) bestIndex = i;
    }
    const since = smoothed.length - 1 - bestIndex;
    if (since < ROBUST_PATIENCE_LEVELS) {
      return {
        medUg: null,
        reason: `best so far ${describeSmoothed(smoothed[bestIndex]!)}; ${since} of ${ROBUST_PATIENCE_LEVELS} levels without a new best (design setting)`,
      };
    }
    const chosen = plateauStart(smoothed);
    return {
      medUg: chosen.ug,
      reason:
        `${since} levels after ${formatDose(smoothed[bestIndex]!.ug)} brought no improvement of ${ROBUST_NEW_BEST_MARGIN} points or more; ` +
        `MED ${describeSmoothed(chosen)}: the lowest dose within ${ROBUST_PLATEAU_TOLERANCE} points of the best (design settings)`,
    };
  },

  best(stats, path) {
    const chosen = plateauStart(smoothedPath(stats, path));
    return { medUg: chosen.ug, reason: `best level tried: ${describeSmoothed(chosen)}` };
  },

  hormesis(stats, path, medUg, baselineMean) {
    const medSmoothed = smoothedPath(stats, path).find((s) => s.ug === medUg);
    const medMean = medSmoothed?.mean ?? stats.summary(medUg)?.meanPain ?? baselineMean;
    const above = path.filter((ug) => ug > medUg);
    const pooled = stats.pooledMean(above);
    if (!pooled || pooled.n < 2)
      return { yes: false, reason: "too few days above the MED to judge hormesis" };
    const yes = pooled.mean >= medMean + PAIN_MCID_POINTS || pooled.mean > baselineMean;
    return {
      yes,
      reason: yes
        ? `hormesis: doses above the MED averaged pain ${pain(pooled.mean)} over ${pooled.n} days against ${pain(medMean)} at ${formatDose(medUg)} (baseline ${pain(baselineMean)}; worse by ${PAIN_MCID_POINTS}+ points (Farrar 2001) or worse than before LDN (004))`
        : `doses above the MED averaged pain ${pain(pooled.mean)} against ${pain(medMean)} at the MED: not clearly worse`,
    };
  },

  responds(stats, ug, baselineMean) {
    const l = stats.summary(ug);
    if (!l) return { yes: false, reason: `no diary days at ${formatDose(ug)}` };
    const needed = windowDrop(baselineMean);
    const yes = baselineMean - l.meanPain >= needed;
    return {
      yes,
      reason: `${formatDose(ug)}: pain ${pain(l.meanPain)} over ${l.n} days against baseline ${pain(baselineMean)}; a response needs a drop of ${pain(needed)} (design setting)`,
    };
  },
};

/** The lowest dose whose smoothed pain is within the plateau tolerance of the minimum. */
function plateauStart(smoothed: readonly { ug: number; mean: number; n: number }[]) {
  const min = Math.min(...smoothed.map((s) => s.mean));
  const near = smoothed.filter((s) => s.mean <= min + ROBUST_PLATEAU_TOLERANCE);
  return near.reduce((a, b) => (b.ug < a.ug ? b : a));
}
