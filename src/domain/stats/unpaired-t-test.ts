/**
 * Unpaired t-tests of two independent samples, as scipy's `ttest_ind`: Welch's test
 * (`equal_var=False`), which 004's MED subgroup p = 0.25 comes from, and Student's
 * pooled-variance test (`equal_var=True`, about 0.18 on the same data). Welch's is the
 * default here because the groups' SDs differ (1.5 vs 1.99 in 004).
 */
import { mean, sampleVariance } from "./moments.ts";
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
export function welchTTest(x: readonly number[], y: readonly number[]): UnpairedTTest {
  assertSample("x", x, 2);
  assertSample("y", y, 2);
  const a = sampleVariance(x) / x.length;
  const b = sampleVariance(y) / y.length;
  const satterthwaite = (a + b) ** 2 / (a ** 2 / (x.length - 1) + b ** 2 / (y.length - 1));
  // Both variances 0 make df 0/0; scipy then uses 1, which leaves t (+/-Infinity or NaN)
  // to decide the p-value. Kept so results match scipy's exactly.
  const df = Number.isNaN(satterthwaite) ? 1 : satterthwaite;
  const result = tTestResult(mean(x) - mean(y), Math.sqrt(a + b), df);
  return { ...result, n1: x.length, n2: y.length, method: "welch" };
}

/**
 * Student's t-test with a pooled variance; df = n1 + n2 - 2. A sample of one value is
 * allowed (it adds nothing to the pooled sum of squares), as in scipy.
 *
 * @example
 * studentTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).df; // 7
 */
export function studentTTest(x: readonly number[], y: readonly number[]): UnpairedTTest {
  assertSample("x", x, 1);
  assertSample("y", y, 1);
  if (x.length + y.length < 3) assertSample("x and y together", [...x, ...y], 3);
  const df = x.length + y.length - 2;
  const squares = (v: readonly number[]) => (v.length < 2 ? 0 : (v.length - 1) * sampleVariance(v));
  const pooled = (squares(x) + squares(y)) / df;
  const se = Math.sqrt(pooled * (1 / x.length + 1 / y.length));
  const result = tTestResult(mean(x) - mean(y), se, df);
  return { ...result, n1: x.length, n2: y.length, method: "student" };
}
