/**
 * A patient's own day-to-day noise: how far their ratings wander around a steady level
 * (SD) and how much one day's deviation carries into the next (lag-1 autocorrelation: bad
 * days come in runs). Estimated from the stretch where nothing changed (baseline days and
 * the levels before a window), shrunk toward a prior while that stretch is short.
 *
 * With autocorrelation, m days say less than m independent days: the variance of their
 * mean is sigma^2/m * (1 + 2 * sum_{k<m} (1 - k/m) rho^k) (the AR(1) process). Every
 * standard error the statistical detector uses comes from here.
 */

export interface NoiseModel {
  /** Day-to-day standard deviation. */
  readonly sd: number;
  /** Lag-1 autocorrelation, 0 to `MAX_RHO`. */
  readonly rho: number;
  /** Degrees of freedom behind `sd` (the patient's own days plus the prior's weight). */
  readonly df: number;
}

/** What is assumed before the patient's own days say otherwise, and how strongly. */
export interface NoisePrior {
  readonly sd: number;
  /** Pseudo-degrees of freedom of the prior SD. */
  readonly sdWeight: number;
  readonly rho: number;
  /** Pseudo-pairs of the prior autocorrelation. */
  readonly rhoWeight: number;
}

/** Autocorrelation is capped here: beyond it a short stretch cannot tell drift from noise. */
const MAX_RHO = 0.8;

/** Running sums of one series, enough for the mean, scatter and lag-1 products of any prefix or suffix. */
export interface SeriesSums {
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
  /** Sum of x[t] * x[t+1] over consecutive pairs. */
  readonly lagProduct: number;
  readonly first: number;
  readonly last: number;
}

/**
 * The noise of one or more stretches of days, each with its own steady level (deviations are
 * taken from each stretch's own mean), pooled and shrunk toward `prior`.
 *
 * @example estimateNoise([sumsOf([7, 6, 7, 8, 7])], { sd: 1.5, sdWeight: 3, rho: 0.3, rhoWeight: 10 })
 */
export function estimateNoise(
  stretches: readonly SeriesSums[],
  prior: NoisePrior,
  samePairs: { readonly sumSq: number; readonly count: number } = { sumSq: 0, count: 0 },
): NoiseModel {
  let ss = 0;
  let lag = 0;
  let df = 0;
  let pairs = 0;
  let n = 0;
  for (const s of stretches) {
    if (s.n === 0) continue;
    const mean = s.sum / s.n;
    ss += Math.max(0, s.sumSq - s.sum * mean);
    // Centred lag-1 sum: sum (x_t - m)(x_{t+1} - m) over the n - 1 pairs.
    if (s.n > 1) lag += s.lagProduct - mean * (2 * s.sum - s.first - s.last) + (s.n - 1) * mean * mean;
    df += s.n - 1;
    pairs += s.n - 1;
    n += s.n;
  }
  // The lag-1 sample autocorrelation of a short series is biased low by about (1 + 3 rho) / n
  // (Marriott and Pope 1954); corrected before shrinking toward the prior.
  const raw = ss > 0 ? lag / ss : 0;
  const r = n > 0 ? raw + ((1 + 3 * raw) * stretches.length) / n : raw;
  const shrunk = (pairs * r + prior.rhoWeight * prior.rho) / (pairs + prior.rhoWeight);
  // A cautious (upper) estimate: one standard error above, sqrt((1 - rho^2) / pairs), so a
  // patient whose bad days come in runs is not taken for one whose days are independent.
  const rho = shrunk + Math.sqrt(Math.max(0, 1 - shrunk * shrunk) / (pairs + prior.rhoWeight));
  const capped = Math.min(MAX_RHO, Math.max(0, rho));
  // Same-dose pairs estimate sd^2 (1 - rho); divided by (1 - rho) with the cautious rho, each
  // adds a degree of freedom to the scatter of the flat stretch and the prior.
  const pairSs = samePairs.count ? samePairs.sumSq / (2 * (1 - capped)) : 0;
  const totalDf = df + samePairs.count + prior.sdWeight;
  const sd = Math.sqrt((ss + pairSs + prior.sdWeight * prior.sd ** 2) / totalDf);
  return { sd, rho: capped, df: totalDf };
}

/**
 * Var(mean of m consecutive days) / sigma^2 under AR(1) with lag-1 correlation `rho`.
 *
 * @example meanVarianceFactor(1, 0.3) // 1
 * @example meanVarianceFactor(2, 0.3) // 0.65
 */
export function meanVarianceFactor(m: number, rho: number): number {
  if (m <= 0) return Infinity;
  if (rho === 0) return 1 / m;
  const inflation = 1 + (2 * rho) / (1 - rho) - (2 * rho * (1 - rho ** m)) / (m * (1 - rho) ** 2);
  return inflation / m;
}

/**
 * Standard error of the difference between the means of two stretches of `a` and `b` days.
 * The stretches are treated as independent: their (positive) correlation would make the
 * difference steadier, so this errs on the side of caution.
 *
 * @example differenceSe({ sd: 1, rho: 0.3 }, 11, 2) // 0.9
 */
export function differenceSe(noise: NoiseModel, a: number, b: number): number {
  return noise.sd * Math.sqrt(meanVarianceFactor(a, noise.rho) + meanVarianceFactor(b, noise.rho));
}

/**
 * Prefix sums of a series, so the sums of any prefix `[0, k)` or suffix `[k, n)` cost O(1).
 *
 * @example const p = prefixSums([7, 6, 5]); sliceSums(p, [7, 6, 5], 0, 2).sum // 13
 */
export function prefixSums(values: readonly number[]): {
  s1: Float64Array;
  s2: Float64Array;
  lag: Float64Array;
} {
  const n = values.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  const lag = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    s1[i + 1] = s1[i]! + x;
    s2[i + 1] = s2[i]! + x * x;
    lag[i + 1] = lag[i]! + (i > 0 ? values[i - 1]! * x : 0);
  }
  return { s1, s2, lag };
}

/** The sums of `values[from, to)` from its prefix sums. */
export function sliceSums(
  p: ReturnType<typeof prefixSums>,
  values: readonly number[],
  from: number,
  to: number,
): SeriesSums {
  const n = to - from;
  if (n <= 0) return { n: 0, sum: 0, sumSq: 0, lagProduct: 0, first: 0, last: 0 };
  return {
    n,
    sum: p.s1[to]! - p.s1[from]!,
    sumSq: p.s2[to]! - p.s2[from]!,
    // Pairs (t-1, t) with both inside: t from from+1 to to-1.
    lagProduct: p.lag[to]! - p.lag[from + 1]!,
    first: values[from]!,
    last: values[to - 1]!,
  };
}
