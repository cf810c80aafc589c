/**
 * Pain and wellbeing (mood, energy, clarity) combined into one score for the MED search.
 * Each signal is weighted by how clearly it moved in the window: its change over its own
 * day-to-day variance (the weight that best separates a shift from noise when the signals'
 * noises are independent), the weights then scaled to sum to 1 so the score stays in rating
 * points. A signal that did not improve gets no weight; a patient whose pain barely moves
 * is searched on mood, energy and clarity, and one who rates only pain on pain alone.
 */
import type { LevelStats } from "../level-stats.ts";
import type { Baseline } from "./detector.ts";
import { estimateNoise, sliceSums, type NoisePrior } from "./noise-model.ts";
import { buildSeries, layOut, type SignalSeries } from "./signal-series.ts";

export interface SignalWeights {
  readonly pain: number;
  readonly wellbeing: number;
}

/**
 * The combined series over `places`, the window starting at `windowStart`; the pain series
 * alone when wellbeing was not rated or did not move.
 *
 * @example combinedSeries(baseline, stats, [100, 200, 300], 1, priors).signal // "combined"
 */
export function combinedSeries(
  baseline: Baseline,
  stats: LevelStats,
  places: readonly number[],
  windowStart: number,
  priors: { readonly pain: NoisePrior; readonly wellbeing: NoisePrior },
): SignalSeries {
  const pain = buildSeries("pain", baseline.pains, stats, places);
  const wellbeing = buildSeries("wellbeing", baseline.wellbeing, stats, places);
  const weights = weigh(pain, wellbeing, windowStart, priors);
  if (weights.wellbeing === 0) return pain;
  if (weights.pain === 0) return wellbeing;
  return mix(weights, baseline, stats, places);
}

/**
 * Before any window, nothing says which signal will move: pain and wellbeing weigh the same
 * (their mean change in points), a third look that catches a patient in whom both move a
 * little when neither alone is clear.
 *
 * @example evenlyCombined(baseline, stats, [100, 200]).signal // "combined"
 */
export function evenlyCombined(
  baseline: Baseline,
  stats: LevelStats,
  places: readonly number[],
): SignalSeries {
  return mix({ pain: 0.5, wellbeing: 0.5 }, baseline, stats, places);
}

function mix(
  weights: SignalWeights,
  baseline: Baseline,
  stats: LevelStats,
  places: readonly number[],
): SignalSeries {
  // Baseline wellbeing comes from the diary days before the start, the last of the baseline pains.
  const offset = baseline.pains.length - baseline.wellbeing.length;
  const pairs = baseline.wellbeing.flatMap((w, i) => {
    const p = baseline.pains[offset + i];
    return p === undefined ? [] : [weights.wellbeing * w - weights.pain * p];
  });
  return layOut("combined", pairs, stats, places, (day) =>
    day.wellbeing === null ? null : weights.wellbeing * day.wellbeing - weights.pain * day.pain,
  );
}

function weigh(
  pain: SignalSeries,
  wellbeing: SignalSeries,
  windowStart: number,
  priors: { readonly pain: NoisePrior; readonly wellbeing: NoisePrior },
): SignalWeights {
  const raw = (series: SignalSeries, prior: NoisePrior) => {
    const k = series.boundary[windowStart]!;
    const before = sliceSums(series.prefix, series.values, 0, k);
    const after = sliceSums(series.prefix, series.values, k, series.values.length);
    if (before.n === 0 || after.n === 0) return 0;
    const change = after.sum / after.n - before.sum / before.n;
    const sd = estimateNoise([before], prior).sd;
    return Math.max(0, change) / (sd * sd);
  };
  const p = raw(pain, priors.pain);
  const w = raw(wellbeing, priors.wellbeing);
  const total = p + w;
  return total === 0 ? { pain: 1, wellbeing: 0 } : { pain: p / total, wellbeing: w / total };
}
