/**
 * What every t-test here reports, built one way from an estimate, its standard error
 * and the degrees of freedom, so the paired, Welch and Student tests cannot drift apart
 * in how they turn those into p-values and a confidence interval.
 */
import { tCdf, tQuantile, tSf, tTwoSided } from "./t-distribution.ts";

export interface TTestResult {
  /** The estimated mean difference (first minus second sample). */
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError: Infinity when the SE is 0 and the estimate is not; NaN when both are 0. */
  readonly t: number;
  readonly df: number;
  /** P(T >= |t|) twice: the two-tailed p-value. */
  readonly pTwoTailed: number;
  /** One-tailed p for the alternative "the mean difference is greater than 0". */
  readonly pGreater: number;
  /** One-tailed p for the alternative "the mean difference is less than 0". */
  readonly pLess: number;
  /** Two-sided 95% confidence interval of the mean difference. */
  readonly ci95: readonly [number, number];
}

/** The two-sided 95% interval uses the 97.5th percentile of t. */
const UPPER_975 = 0.975;

/**
 * Builds a t-test result as scipy's `TtestResult` does (t = estimate / SE, p from the
 * t distribution, CI = estimate +/- t(0.975, df) x SE).
 *
 * @example
 * tTestResult(2, 1, 10).pTwoTailed; // 0.07338803477074...
 */
export function tTestResult(estimate: number, standardError: number, df: number): TTestResult {
  const t = estimate / standardError;
  const q = tQuantile(UPPER_975, df);
  return {
    estimate,
    standardError,
    t,
    df,
    pTwoTailed: tTwoSided(t, df),
    pGreater: tSf(t, df),
    pLess: tCdf(t, df),
    // scipy adds the lower and upper quantiles separately; the t distribution is symmetric,
    // so -q is its 2.5th percentile exactly.
    ci95: [estimate - q * standardError, estimate + q * standardError],
  };
}
