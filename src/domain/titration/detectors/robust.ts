/**
 * The robust detector (this project's design; its numbers are the design settings in
 * `ROBUST_DEFAULTS`, checked with `ldn simulate`). Day-to-day pain wanders by 1-2 points
 * (clinical reference 4), so two days at one level say little. It:
 * - smooths: a level's value is a local line through it and adjacent levels, widened until
 *   it rests on about 6 days (0.1 mg levels of 2 days use neighbours; 14-day levels stand alone);
 * - needs a minimal important drop to enter the window (1.5 points and 15% of baseline);
 * - settles the MED only after enough days past the best level bring no new best by a margin;
 * - takes as MED the lowest dose whose smoothed pain is within a small tolerance of the
 *   best, since above it there is "no additional improvement" (004);
 * - calls hormesis only when the levels above the MED, pooled, are worse by Farrar's
 *   2 points or worse than before LDN;
 * - judges a dose held for weeks (fixed protocols) by its drop against the patient's own
 *   day-to-day scatter, and step protocols with levels of a week or more by each level's
 *   own mean (`robust-steps.ts`).
 */
import { formatDose } from "../../dose.ts";
import type { LevelStats, LevelSummary } from "../level-stats.ts";
import { ROBUST_DEFAULTS, type RobustSettings } from "../thresholds.ts";
import type { Detector } from "./detector.ts";
import { againstBaseline, pain } from "./describe.ts";
import { createStepDetector } from "./robust-steps.ts";
import { dropVerdict, hormesisVerdict, respondsVerdict } from "./verdicts.ts";

export interface SmoothedLevel {
  readonly ug: number;
  readonly mean: number;
  readonly n: number;
}

/**
 * Smoothed pain of each level of `path`: a straight line fitted (weighted by days) to the
 * level and its neighbours on the path, read at the level's dose. The neighbourhood widens
 * one level each side until it holds `minDaysPerPoint` days or `maxNeighbours`. A line,
 * not a plain mean, so the newest level (with neighbours on one side only) is not pulled
 * back toward the levels before it when pain is still falling.
 *
 * @example smoothedPath(stats, [1100, 1200, 1300]) // pains 5, 4, 3 -> 5, 4, 3 (a line fits exactly)
 */
export function smoothedPath(
  stats: LevelStats,
  path: readonly number[],
  settings: RobustSettings = ROBUST_DEFAULTS,
): SmoothedLevel[] {
  const levels = stats.summaries(path);
  return levels.map((level, i) => {
    let h = 0;
    let n = level.n;
    while (
      n < settings.minDaysPerPoint &&
      h < settings.maxNeighbours &&
      (i - h > 0 || i + h < levels.length - 1)
    ) {
      h += 1;
      n = levels.slice(Math.max(0, i - h), i + h + 1).reduce((a, l) => a + l.n, 0);
    }
    return { ug: level.ug, mean: localLine(levels.slice(Math.max(0, i - h), i + h + 1), level.ug), n };
  });
}

/** Weighted least-squares line through the levels' mean pains, read at `atUg`. */
function localLine(levels: readonly LevelSummary[], atUg: number): number {
  let w = 0;
  let sx = 0;
  let sy = 0;
  for (const l of levels) {
    w += l.n;
    sx += l.n * (l.ug - atUg);
    sy += l.n * l.meanPain;
  }
  const mx = sx / w;
  const my = sy / w;
  let sxx = 0;
  let sxy = 0;
  for (const l of levels) {
    const dx = l.ug - atUg - mx;
    sxx += l.n * dx * dx;
    sxy += l.n * dx * (l.meanPain - my);
  }
  return sxx === 0 ? my : my - (sxy / sxx) * mx;
}

/** The most recent levels of `path` holding at least `minDays` days between them. */
function recentLevels(stats: LevelStats, path: readonly number[], minDays: number): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = path.length - 1; i >= 0 && n < minDays; i--) {
    out.unshift(path[i]!);
    n += stats.count(path[i]!);
  }
  return out;
}

function describeSmoothed(s: SmoothedLevel): string {
  return `${formatDose(s.ug)} (smoothed pain ${pain(s.mean)} over ${s.n} days)`;
}

/**
 * Builds a robust detector with the given design settings (the defaults unless a bench tries others).
 *
 * @example createRobustDetector().name // "robust"
 */
export function createRobustDetector(settings: RobustSettings = ROBUST_DEFAULTS): Detector {
  const windowDrop = (baselineMean: number) =>
    Math.max(settings.windowDropPoints, settings.windowDropShare * baselineMean);
  const plateauStart = (smoothed: readonly SmoothedLevel[]) => {
    const min = Math.min(...smoothed.map((s) => s.mean));
    const near = smoothed.filter((s) => s.mean <= min + settings.plateauTolerance);
    return near.reduce((a, b) => (b.ug < a.ug ? b : a));
  };
  const designNote = `design settings: window drop at least ${settings.windowDropPoints} points and ${settings.windowDropShare * 100}% of baseline`;

  const detector: Detector = {
    name: "robust",

    windowEntry({ mean: baselineMean }, stats, path) {
      const recent = recentLevels(stats, path, settings.minDaysPerPoint);
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
          `pain at ${recent.map((ug) => formatDose(ug)).join(", ")}: ${pain(pooled.mean)} over ${pooled.n} days, ` +
          `${againstBaseline(pooled.mean, baselineMean)}; the window needs ${pain(needed)} below (${designNote}, IMMPACT minimal change)`,
      };
    },

    med(stats, path) {
      const smoothed = smoothedPath(stats, path, settings);
      let bestIndex = 0;
      for (let i = 1; i < smoothed.length; i++) {
        if (smoothed[i]!.mean < smoothed[bestIndex]!.mean - settings.newBestMargin) bestIndex = i;
      }
      const after = path.slice(bestIndex + 1);
      const daysAfter = after.reduce((a, ug) => a + stats.count(ug), 0);
      if (daysAfter < settings.patienceDays || after.length < settings.patienceLevels) {
        return {
          medUg: null,
          reason: `best so far ${describeSmoothed(smoothed[bestIndex]!)}; ${daysAfter} of ${settings.patienceDays} days past it without a new best (design setting)`,
        };
      }
      const chosen = plateauStart(smoothed);
      return {
        medUg: chosen.ug,
        reason:
          `${daysAfter} days over ${after.length} levels after ${formatDose(smoothed[bestIndex]!.ug)} brought no improvement of ${settings.newBestMargin} points or more; ` +
          `MED ${describeSmoothed(chosen)}: the lowest dose within ${settings.plateauTolerance} points of the best (design settings)`,
      };
    },

    best(stats, path) {
      const chosen = plateauStart(smoothedPath(stats, path, settings));
      return { medUg: chosen.ug, reason: `best level tried: ${describeSmoothed(chosen)}` };
    },

    hormesis(stats, path, medUg, baseline) {
      const medSmoothed = smoothedPath(stats, path, settings).find((s) => s.ug === medUg);
      const medMean = medSmoothed?.mean ?? stats.summary(medUg)?.meanPain ?? baseline.mean;
      return hormesisVerdict(stats, path, medUg, medMean, baseline.mean);
    },

    responds(stats, ug, baseline) {
      return respondsVerdict(stats, ug, baseline, settings);
    },

    clearResponse(stats, ug, baseline) {
      const { yes, reason } = dropVerdict(stats, ug, baseline, settings, settings.earlyResponseZ);
      return { yes, reason };
    },

    forProtocol(rules) {
      return rules.kind === "ascending" && rules.daysPerLevel >= settings.ownMeanDays
        ? createStepDetector(settings)
        : detector;
    },
  };
  return detector;
}

/** The robust detector with its default design settings. */
export const robustDetector: Detector = createRobustDetector();
