/**
 * Mean and sample variance, computed the way numpy does for the sizes a clinic has:
 * the mean first, then the sum of squared deviations from it (two passes). The
 * one-pass formula (sum of squares minus n times the squared mean) cancels badly when
 * values are large and close together, such as T-scores near 50.
 */

/**
 * The arithmetic mean of a non-empty sample.
 *
 * @example mean([1, 2, 3, 4]); // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * The sample variance (denominator n - 1, numpy's `ddof=1`); NaN for fewer than 2 values.
 *
 * @example sampleVariance([2, 4, 4, 4, 5, 5, 7, 9]); // 4.571428571428571
 */
export function sampleVariance(values: ArrayLike<number>): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - m) * (values[i]! - m);
  return squares / (values.length - 1);
}

/**
 * The sample standard deviation (denominator n - 1); NaN for fewer than 2 values.
 *
 * @example sampleSd([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138089935299395
 */
export function sampleSd(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values));
}
