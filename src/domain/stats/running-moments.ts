/**
 * Count, mean, variance, min and max of a sample read one value at a time, so a cohort of
 * a million rows needs a few numbers per column instead of the column itself (issue 14).
 *
 * Welford's update (Knuth, TAOCP vol. 2, 4.2.2): the running mean and the running sum of
 * squared deviations from it. Like the two-pass formula in moments.ts, and unlike
 * sum-of-squares minus n times the squared mean, it does not cancel on large values close
 * together (T-scores near 50); it agrees with numpy's two-pass result to about 1e-15
 * (checked against scipy's fixtures by scripts/stats-agreement.ts).
 */

/** What the t-tests need of one sample. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample variance (n - 1 denominator); NaN below 2 values. */
  readonly variance: number;
}

/**
 * A sample's moments, updated one value at a time.
 *
 * @example
 * const m = new RunningMoments();
 * for (const v of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(v);
 * m.mean; // 5
 * m.variance; // 4.571428571428571
 */
export class RunningMoments implements SampleSummary {
  n = 0;
  mean = 0;
  /** Sum of squared deviations from the running mean. */
  private squares = 0;
  min = Infinity;
  max = -Infinity;

  /** Adds one finite value (callers check; a NaN would poison every moment). */
  add(value: number): void {
    this.n += 1;
    const delta = value - this.mean;
    this.mean += delta / this.n;
    this.squares += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Sample variance (denominator n - 1, numpy's `ddof=1`); NaN for fewer than 2 values. */
  get variance(): number {
    return this.n < 2 ? NaN : this.squares / (this.n - 1);
  }

  /** Sample standard deviation; NaN for fewer than 2 values. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * The moments of a whole sample at once (for tests and the array forms of the t-tests).
 *
 * @example runningMoments([1, 2, 3]).sd; // 1
 */
export function runningMoments(values: ArrayLike<number>): RunningMoments {
  const m = new RunningMoments();
  for (let i = 0; i < values.length; i++) m.add(values[i]!);
  return m;
}
