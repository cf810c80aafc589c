/**
 * Student's t distribution, from @stdlib (its cdf and quantile agree with scipy's
 * `special.stdtr` / `stdtrit` to about 15 significant digits; jStat only to about 9,
 * which would not pass the 1e-9 agreement tests).
 */
import tDist from "@stdlib/stats-base-dists-t";

/**
 * P(T <= t) for `df` degrees of freedom (`df` may be fractional, as Welch's test needs).
 *
 * @example tCdf(-2.0, 10); // 0.03669401738537...
 */
export function tCdf(t: number, df: number): number {
  return tDist.cdf(t, df);
}

/**
 * P(T >= t), computed as the cdf of -t so that small upper tails keep their precision
 * (1 - cdf would round a tail of 1e-20 to 0).
 *
 * @example tSf(2.0, 10); // 0.03669401738537...
 */
export function tSf(t: number, df: number): number {
  return tDist.cdf(-t, df);
}

/**
 * The two-sided p-value 2 P(T >= |t|), as scipy's `_get_pvalue` computes it.
 *
 * @example tTwoSided(-2.0, 10); // 0.07338803477074...
 */
export function tTwoSided(t: number, df: number): number {
  return 2 * tSf(Math.abs(t), df);
}

/**
 * The t value with P(T <= t) = p.
 *
 * @example tQuantile(0.975, 16); // 2.119905299221254
 */
export function tQuantile(p: number, df: number): number {
  return tDist.quantile(p, df);
}
