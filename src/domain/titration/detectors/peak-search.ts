/**
 * Inside the window: which level is best, and is the search over? The best level is the
 * top of the smoothed dose-response (a local line through each level and its neighbours,
 * weighted by days), so one lucky pair of days does not make a MED. The search ends:
 * - on harm: the levels since the best are worse than it, or worse than before LDN, by
 *   `harmZ` standard errors (004: hormesis; return to the best within days);
 * - on a plateau: at least 2 levels past the best (004: 2 successive increases without
 *   improvement) and, with `plateauZ` standard errors of confidence, they bring less than
 *   `plateauMargin` more than the best; or `maxPatienceDays` past it whatever the noise.
 */
import {
  differenceSe,
  estimateNoise,
  meanVarianceFactor,
  sliceSums,
  type NoiseModel,
} from "./noise-model.ts";
import type { SignalSeries } from "./signal-series.ts";
import type { StatisticalSettings } from "./statistical-settings.ts";
import type { Comparison } from "./window-scan.ts";

export type PeakOutcome =
  | { readonly kind: "searching" }
  | {
      readonly kind: "harm";
      readonly against: "best" | "before";
      readonly from: number;
      readonly comparison: Comparison;
    }
  | { readonly kind: "plateau"; readonly comparison: Comparison | null; readonly daysAfter: number };

export interface PeakSearch {
  /** The place of the best level (the MED when the search ends). */
  readonly best: number;
  /** Smoothed value of every place (higher is better). */
  readonly smoothed: readonly number[];
  /** Mean of the best level's region (the best and the window level below it). */
  readonly bestMean: number;
  readonly outcome: PeakOutcome;
  readonly noise: NoiseModel;
}

/**
 * @example searchPeak(series, 4, settings).outcome.kind // "searching"
 */
export function searchPeak(
  series: SignalSeries,
  windowStart: number,
  settings: StatisticalSettings,
): PeakSearch {
  const nullEnd = series.boundary[windowStart]!;
  const noise = estimateNoise(
    [sliceSums(series.prefix, series.values, 0, nullEnd)],
    settings.priors[series.signal],
    series.pairs,
  );
  const smoothed = shrinkToLine(
    series,
    smooth(series, settings.smoothingHalfWidth, windowStart),
    noise,
    windowStart,
  );
  // Whole-number ratings make a steady patient's top span several levels: the MED is the
  // lowest of them (004: the dose before the increases that brought nothing more).
  const { first: best, runEnd } = topRun(smoothed, windowStart);
  const region = stretch(series, Math.max(windowStart, best - 1), best + 1);
  const base = { best, smoothed, bestMean: region.mean, noise };
  const harm = findHarm(series, runEnd, region, nullEnd, noise, settings);
  if (harm?.kind === "harm")
    return { ...base, best: topBefore(series, best, windowStart, harm.from), outcome: harm };
  return { ...base, outcome: plateau(series, best, runEnd, region, noise, settings) };
}

/**
 * On harm, the dose to go back to: of the best level, the one below it and any between it
 * and the harm, the one whose own days were best. A hormetic top is sharp (004: 0.7 mg
 * helped, 1.0 mg hurt), and the smoothed curve can put it a level low.
 */
function topBefore(series: SignalSeries, best: number, windowStart: number, harmFrom: number): number {
  let top = best;
  const mean = (i: number) => {
    const l = series.levels[i]!;
    return l.n > 0 ? l.sum / l.n : -Infinity;
  };
  for (let i = Math.max(windowStart, best - 1); i < harmFrom; i++) if (mean(i) > mean(top)) top = i;
  return top;
}

/**
 * The first place to reach the top and the end of the run of places level with it. Ratings
 * are whole numbers, so a steady patient's top can span several levels: "levels above the
 * best" are counted from where the run ends, patience from where it begins.
 */
function topRun(smoothed: readonly number[], from: number): { first: number; runEnd: number } {
  let first = from;
  for (let i = from + 1; i < smoothed.length; i++) if (smoothed[i]! > smoothed[first]! + 1e-9) first = i;
  let runEnd = first;
  while (runEnd + 1 < smoothed.length && smoothed[runEnd + 1]! >= smoothed[first]! - 1e-9) runEnd++;
  return { first, runEnd };
}

interface Stretch {
  readonly mean: number;
  readonly n: number;
}

/** Days of places [from, to). */
function stretch(series: SignalSeries, from: number, to: number): Stretch {
  const s = sliceSums(series.prefix, series.values, series.boundary[from]!, series.boundary[to]!);
  return { mean: s.n ? s.sum / s.n : NaN, n: s.n };
}

function compare(before: Stretch, after: Stretch, noise: NoiseModel): Comparison {
  const se = differenceSe(noise, before.n, after.n);
  const diff = after.mean - before.mean;
  return {
    beforeMean: before.mean,
    beforeDays: before.n,
    afterMean: after.mean,
    afterDays: after.n,
    noise,
    se,
    z: se > 0 ? diff / se : diff === 0 ? 0 : Math.sign(diff) * Infinity,
  };
}

function findHarm(
  series: SignalSeries,
  best: number,
  region: Stretch,
  nullEnd: number,
  noise: NoiseModel,
  settings: StatisticalSettings,
): PeakOutcome | null {
  const last = series.levels.length - 1;
  const nullSums = sliceSums(series.prefix, series.values, 0, nullEnd);
  const before: Stretch = { mean: nullSums.sum / nullSums.n, n: nullSums.n };
  const minEffect = settings.minEffect[series.signal];
  for (let from = last; from > best; from--) {
    const tail = stretch(series, from, last + 1);
    if (tail.n === 0) continue;
    const vsBest = compare(region, tail, noise);
    if (-vsBest.z >= settings.harmZ && region.mean - tail.mean >= minEffect) {
      return { kind: "harm", against: "best", from, comparison: vsBest };
    }
    const vsBefore = compare(before, tail, noise);
    if (nullSums.n > 0 && -vsBefore.z >= settings.harmZ && before.mean - tail.mean >= minEffect) {
      return { kind: "harm", against: "before", from, comparison: vsBefore };
    }
  }
  return null;
}

function plateau(
  series: SignalSeries,
  first: number,
  runEnd: number,
  region: Stretch,
  noise: NoiseModel,
  settings: StatisticalSettings,
): PeakOutcome {
  const last = series.levels.length - 1;
  const sinceTop = stretch(series, first + 1, last + 1);
  const tail = stretch(series, runEnd + 1, last + 1);
  if (sinceTop.n >= settings.maxPatienceDays && last - first >= settings.minPlateauLevels) {
    return {
      kind: "plateau",
      comparison: tail.n ? compare(region, tail, noise) : null,
      daysAfter: sinceTop.n,
    };
  }
  if (last - runEnd < settings.minPlateauLevels || tail.n === 0) return { kind: "searching" };
  const comparison = compare(region, tail, noise);
  const gain = tail.mean - region.mean;
  const upper = gain + settings.plateauZ * comparison.se;
  return upper < settings.plateauMargin[series.signal]
    ? { kind: "plateau", comparison, daysAfter: tail.n }
    : { kind: "searching" };
}

/**
 * Each level between its own mean and the local line, by how much its own days can be
 * trusted (empirical Bayes): the line's share is the level mean's noise variance over that
 * plus the spread of true levels around the line, estimated from the window itself. A
 * patient whose ratings never wander keeps their own level means (a sharp top stays sharp);
 * a noisy one gets the line.
 */
function shrinkToLine(
  series: SignalSeries,
  line: readonly number[],
  noise: NoiseModel,
  from: number,
): number[] {
  const levels = series.levels;
  let spread = 0;
  let noiseVar = 0;
  let count = 0;
  for (let i = from; i < levels.length; i++) {
    const l = levels[i]!;
    if (l.n === 0) continue;
    const v = noise.sd ** 2 * meanVarianceFactor(l.n, noise.rho);
    spread += (l.sum / l.n - line[i]!) ** 2;
    noiseVar += v;
    count += 1;
  }
  const tau2 = count ? Math.max(0, (spread - noiseVar) / count) : 0;
  return levels.map((l, i) => {
    if (l.n === 0 || i < from) return line[i]!;
    const v = noise.sd ** 2 * meanVarianceFactor(l.n, noise.rho);
    const own = tau2 + v > 0 ? tau2 / (tau2 + v) : 0;
    return line[i]! + own * (l.sum / l.n - line[i]!);
  });
}

/**
 * Local line through each place and its neighbours (triangular weights times days), inside
 * the window only: the window's start is a change point, and a line across it would pull
 * the first levels of the window down toward the days before.
 */
function smooth(series: SignalSeries, halfWidth: number, from: number): number[] {
  const levels = series.levels;
  return levels.map((_, i) => {
    let w = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let j = Math.max(from, i - halfWidth); j <= Math.min(levels.length - 1, i + halfWidth); j++) {
      const l = levels[j]!;
      if (l.n === 0) continue;
      const k = l.n * (1 - Math.abs(i - j) / (halfWidth + 1));
      const x = j - i;
      const y = l.sum / l.n;
      w += k;
      sx += k * x;
      sy += k * y;
      sxx += k * x * x;
      sxy += k * x * y;
    }
    if (w === 0) return -Infinity;
    const mx = sx / w;
    const my = sy / w;
    const vx = sxx / w - mx * mx;
    // Read at x = 0 (the level itself).
    return vx > 1e-12 ? my - ((sxy / w - mx * my) / vx) * mx : my;
  });
}
