/**
 * Unpaired t-tests of two independent samples, as scipy's `ttest_ind`: Welch's test
 * (`equal_var=False`), which 004's MED subgroup p = 0.25 comes from, and Student's
 * pooled-variance test (`equal_var=True`, about 0.18 on the same data). Welch's is the
 * default here because the groups' SDs differ (1.5 vs 1.99 in 004).
 */
import { invalidArgument } from "../errors.ts";
import { mean, sampleVariance } from "./moments.ts";
import type { SampleSummary } from "./running-moments.ts";
import { assertSample } from "./sample.ts";
import { tTestResult, type TTestResult } from "./t-test-result.ts";

export interface UnpairedTTest extends TTestResult {
  readonly n1: number;
  readonly n2: number;
  readonly method: "welch" | "student";
}

/**
 * Welch's unequal-variance t-test; df by the Welch-Satterthwaite formula.
 * `estimate` is mean(x) - mean(y).
 *
 * @example
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).df; // 5.520787746170677
 */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>): UnpairedTTest {
  assertSample("x", x, 2);
  assertSample("y", y, 2);
  return welchTTestFromSummaries(summaryOf(x), summaryOf(y));
}

/**
 * Welch's test from each sample's n, mean and variance (scipy's `ttest_ind_from_stats`
 * with `equal_var=False`), so a cohort too large to hold can be tested from running
 * moments. Both samples need 2 values at least.
 *
 * @example
 * welchTTestFromSummaries({ n: 4, mean: 2.5, variance: 5 / 3 }, { n: 5, mean: 6, variance: 10 }).df;
 * // 5.520787746170677
 */
export function welchTTestFromSummaries(x: SampleSummary, y: SampleSummary): UnpairedTTest {
  assertSummary("x", x, 2);
  assertSummary("y", y, 2);
  const a = x.variance / x.n;
  const b = y.variance / y.n;
  const satterthwaite = (a + b) ** 2 / (a ** 2 / (x.n - 1) + b ** 2 / (y.n - 1));
  // Both variances 0 make df 0/0; scipy then uses 1, which leaves t (+/-Infinity or NaN)
  // to decide the p-value. Kept so results match scipy's exactly.
  const df = Number.isNaN(satterthwaite) ? 1 : satterthwaite;
  const result = tTestResult(x.mean - y.mean, Math.sqrt(a + b), df);
  return { ...result, n1: x.n, n2: y.n, method: "welch" };
}

/**
 * Student's t-test with a pooled variance; df = n1 + n2 - 2. A sample of one value is
 * allowed (it adds nothing to the pooled sum of squares), as in scipy.
 *
 * @example
 * studentTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).df; // 7
 */
export function studentTTest(x: ArrayLike<number>, y: ArrayLike<number>): UnpairedTTest {
  assertSample("x", x, 1);
  assertSample("y", y, 1);
  return studentTTestFromSummaries(summaryOf(x), summaryOf(y));
}

/**
 * Student's test from each sample's n, mean and variance (variance NaN for a sample of
 * one, which adds nothing to the pooled sum of squares).
 *
 * @example
 * studentTTestFromSummaries({ n: 4, mean: 2.5, variance: 5 / 3 }, { n: 5, mean: 6, variance: 10 }).df; // 7
 */
export function studentTTestFromSummaries(x: SampleSummary, y: SampleSummary): UnpairedTTest {
  assertSummary("x", x, 1);
  assertSummary("y", y, 1);
  if (x.n + y.n < 3) throw invalidArgument("x and y together", x.n + y.n, "needs at least 3 values");
  const df = x.n + y.n - 2;
  const squares = (s: SampleSummary) => (s.n < 2 ? 0 : (s.n - 1) * s.variance);
  const pooled = (squares(x) + squares(y)) / df;
  const se = Math.sqrt(pooled * (1 / x.n + 1 / y.n));
  const result = tTestResult(x.mean - y.mean, se, df);
  return { ...result, n1: x.n, n2: y.n, method: "student" };
}

/** n, mean and variance by the two-pass formulas of moments.ts (numpy's order). */
function summaryOf(values: ArrayLike<number>): SampleSummary {
  return { n: values.length, mean: mean(values), variance: sampleVariance(values) };
}

function assertSummary(name: string, s: SampleSummary, minimum: number): void {
  if (s.n < minimum) {
    throw invalidArgument(name, s.n, `needs at least ${minimum} value${minimum === 1 ? "" : "s"}`);
  }
}
