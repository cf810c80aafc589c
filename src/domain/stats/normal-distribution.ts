/**
 * The standard normal distribution, from @stdlib (agrees with scipy's `ndtr` to about
 * 15 significant digits, including far tails).
 */
import normalDist from "@stdlib/stats-base-dists-normal";

/**
 * P(Z <= z) for a standard normal Z.
 *
 * @example normalCdf(-1.959963984540054); // 0.025
 */
export function normalCdf(z: number): number {
  return normalDist.cdf(z, 0, 1);
}

/**
 * P(Z >= z), as the cdf of -z so small upper tails keep their precision.
 *
 * @example normalSf(1.959963984540054); // 0.025
 */
export function normalSf(z: number): number {
  return normalDist.cdf(-z, 0, 1);
}

/**
 * The z with P(Z <= z) = p.
 *
 * @example normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  return normalDist.quantile(p, 0, 1);
}
