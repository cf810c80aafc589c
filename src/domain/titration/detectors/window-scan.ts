/**
 * Has the window of effectiveness begun? A change-point scan: for every place c on the path,
 * the days from c to now are compared with everything before c (baseline days and the flat
 * stretch of levels before it), in standard errors of the patient's own noise estimated
 * from that flat stretch. The largest standardized improvement wins. The threshold is set
 * for a false-alarm rate over the whole titration, not per look (see `calibration.ts`), so
 * 60 looks at a non-responder rarely open a window by chance.
 */
import type { StatisticalSettings } from "./statistical-settings.ts";
import { differenceSe, estimateNoise, sliceSums, type NoiseModel } from "./noise-model.ts";
import type { SignalSeries } from "./signal-series.ts";

export interface Comparison {
  /** Mean of the earlier stretch (higher is better). */
  readonly beforeMean: number;
  readonly beforeDays: number;
  /** Mean of the later stretch (higher is better). */
  readonly afterMean: number;
  readonly afterDays: number;
  readonly noise: NoiseModel;
  readonly se: number;
  /** (after - before) / se. */
  readonly z: number;
}

export interface WindowScan extends Comparison {
  /** The place on the path where the improvement begins. */
  readonly start: number;
  readonly entered: boolean;
}

/**
 * The strongest improvement of `series` over its earlier days, ending at the latest level.
 *
 * @example scanWindow(buildSeries("pain", [7, 7, 7], stats, path), settings).entered
 */
export function scanWindow(series: SignalSeries, settings: StatisticalSettings): WindowScan | null {
  const places = series.levels.length;
  let best: WindowScan | null = null;
  const n = series.values.length;
  for (let c = 0; c < places; c++) {
    const k = series.boundary[c]!;
    if (k === 0 || k === n) continue;
    const comparison = compareSplit(series, k, settings);
    if (!best || comparison.z > best.z) {
      // The strongest change on few days needs more evidence, or waits for the next level to
      // confirm it (not a longer split that straddles the change: that places it a level early).
      const short = comparison.afterDays < settings.minWindowDays;
      const z = settings.windowZ + (short ? settings.shortWindowMarginZ : 0);
      const entered =
        comparison.z >= z &&
        comparison.afterMean - comparison.beforeMean >= settings.minEffect[series.signal];
      best = { ...comparison, start: c, entered };
    }
  }
  return best;
}

/** Everything before index `k` against everything from `k` on. */
export function compareSplit(series: SignalSeries, k: number, settings: StatisticalSettings): Comparison {
  const before = sliceSums(series.prefix, series.values, 0, k);
  const after = sliceSums(series.prefix, series.values, k, series.values.length);
  // Noise from the earlier, flat stretch only: the later one holds the change being tested,
  // and a trend there would pass for autocorrelation.
  const noise = estimateNoise([before], settings.priors[series.signal], series.pairs);
  const se = differenceSe(noise, before.n, after.n);
  const beforeMean = before.sum / before.n;
  const afterMean = after.sum / after.n;
  return {
    beforeMean,
    beforeDays: before.n,
    afterMean,
    afterDays: after.n,
    noise,
    se,
    z: se > 0 ? (afterMean - beforeMean) / se : afterMean > beforeMean ? Infinity : 0,
  };
}
