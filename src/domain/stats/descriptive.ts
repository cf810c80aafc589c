/**
 * Descriptive statistics of one sample, as Table 1 and Table 2 of 004 print them.
 */
import { mean, sampleSd } from "./moments.ts";
import { assertSample } from "./sample.ts";

export interface Descriptive {
  readonly n: number;
  readonly mean: number;
  /** Sample SD (n - 1 denominator); NaN when n is 1. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** The middle value, or the mean of the two middle values when n is even. */
  readonly median: number;
}

/**
 * n, mean, sample SD, min, max and median of a non-empty sample.
 *
 * @example
 * describe([3, 1, 2, 10]);
 * // { n: 4, mean: 4, sd: 4.08248290463863, min: 1, max: 10, median: 2.5 }
 */
export function describe(values: readonly number[]): Descriptive {
  assertSample("values", values, 1);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    n: values.length,
    mean: mean(values),
    sd: sampleSd(values),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    median,
  };
}
