/**
 * The paired t-test of 004's Table 2: is the mean of the within-patient differences
 * different from 0? Matches scipy's `ttest_rel(x, y)`.
 */
import { mean, sampleSd } from "./moments.ts";
import { assertPaired, assertSample } from "./sample.ts";
import { tTestResult, type TTestResult } from "./t-test-result.ts";

export interface PairedTTest extends TTestResult {
  /** Number of pairs. */
  readonly n: number;
  /** SD of the differences x - y. */
  readonly sdDifference: number;
  /**
   * Cohen's dz: mean difference / SD of the differences (Lakens 2013). This is the
   * effect size the paired test itself measures; dividing by a pooled SD of x and y
   * instead (Cohen's d) would ignore the pairing.
   */
  readonly dz: number;
}

/**
 * Paired t-test on the differences `x[i] - y[i]`. `estimate` is their mean; `pGreater`
 * is the one-tailed p for "x is greater than y".
 *
 * @example
 * const r = pairedTTest([6, 7, 5, 8], [4, 6, 5, 5]); // pre and post pain
 * r.estimate; // 1.5
 * r.df; // 3
 */
export function pairedTTest(x: ArrayLike<number>, y: ArrayLike<number>): PairedTTest {
  assertSample("x", x, 2);
  assertSample("y", y, 2);
  assertPaired("x", x, "y", y);
  const differences = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) differences[i] = x[i]! - y[i]!;
  return pairedTTestOfDifferences(differences);
}

/**
 * Paired t-test given the differences themselves (a one-sample t-test against 0).
 *
 * @example pairedTTestOfDifferences([2, 1, 0, 3]).t; // 2.3237900077244...
 */
export function pairedTTestOfDifferences(differences: ArrayLike<number>): PairedTTest {
  assertSample("differences", differences, 2);
  const n = differences.length;
  const m = mean(differences);
  const sd = sampleSd(differences);
  return { ...tTestResult(m, sd / Math.sqrt(n), n - 1), n, sdDifference: sd, dz: m / sd };
}
