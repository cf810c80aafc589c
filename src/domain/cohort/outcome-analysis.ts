/**
 * Table 2 of 004 for one scale: pre and post means, the improvement with its 95% CI,
 * the paired t-test (one-tailed, as 004 reports it, and two-tailed), the Wilcoxon
 * signed-rank test and the effect size dz, over the patients with both values.
 *
 * Signs: the improvement of each patient is post - pre for a higher-is-better scale and
 * pre - post for a lower-is-better one, so a positive improvement is always better and
 * the one-tailed p always tests "patients improved". (004 printed pre - post for every
 * scale, so its PROMIS rows carry the opposite sign.)
 *
 * Held in memory per scale: the improvements (8 bytes each; the signed-rank test ranks all
 * of them) and running moments of pre and post. Nothing else per patient (issue 14).
 */
import { pairedTTestOfDifferences } from "../stats/paired-t-test.ts";
import { RunningMoments } from "../stats/running-moments.ts";
import { wilcoxonSignedRankOfDifferences, type WilcoxonMethod } from "../stats/wilcoxon-signed-rank.ts";
import type { CohortPatient, Direction, OutcomePair, Scale } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";
import { FloatColumn } from "./float-column.ts";

export interface MeanSd {
  readonly mean: number | null;
  readonly sd: number | null;
}

export interface OutcomeResult {
  readonly scale: string;
  readonly direction: Direction;
  /** Patients with both a pre and a post value. */
  readonly n: number;
  readonly pre: MeanSd;
  readonly post: MeanSd;
  /** Mean improvement (positive is better) with its two-sided 95% CI. */
  readonly improvement: { readonly mean: number | null; readonly ci95: readonly [number, number] | null };
  readonly t: number | null;
  readonly df: number | null;
  /** P(improvement this large or larger | no true change): the paired t-test's one-tailed p. */
  readonly pOneTailed: number | null;
  readonly pTwoTailed: number | null;
  readonly wilcoxon: {
    /** min(W+, W-), scipy's two-sided statistic. */
    readonly statistic: number | null;
    /** Two-tailed p. */
    readonly p: number | null;
    /** One-tailed p for "patients improved". */
    readonly pOneTailed: number | null;
    readonly method: WilcoxonMethod | null;
  } | null;
  /** Mean improvement / SD of improvements. */
  readonly dz: number | null;
  /** Why the tests, the CI and dz are null; null when they were computed. */
  readonly notTested: NotTested | null;
}

/** Why a scale's tests could not be computed, in words a clinician reads beside the row. */
export interface NotTested {
  readonly reason: "too-few-pairs" | "no-variation";
  readonly text: string;
}

/**
 * Design setting (not a clinical fact): the fewest pairs this analysis tests at all. With 4
 * pairs the exact one-tailed signed-rank test's smallest possible p is 1/2^4 = 0.0625, so no
 * result could reach 0.05; with 5 it is 1/32 = 0.031. Below this the row shows its means and
 * says the test cannot be computed, instead of a p-value two patients cannot support.
 */
export const MIN_PAIRS_FOR_TESTS = 5;

/**
 * One scale's analysis, one patient at a time.
 *
 * @example
 * const o = new OutcomeAccumulator({ name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" });
 * o.add({ pre: 6, post: 4 });
 * o.add({ pre: 7, post: 4 });
 * o.result().improvement.mean; // 2.5
 */
export class OutcomeAccumulator {
  private readonly pre = new RunningMoments();
  private readonly post = new RunningMoments();
  private readonly improvements = new FloatColumn();
  private readonly sign: 1 | -1;

  constructor(readonly scale: Scale) {
    this.sign = scale.direction === "higher-is-better" ? 1 : -1;
  }

  /** Adds a patient's pair; counted only when both values are there. */
  add(pair: OutcomePair | undefined): void {
    if (pair == null || pair.pre === null || pair.post === null) return;
    this.pre.add(pair.pre);
    this.post.add(pair.post);
    this.improvements.push(this.sign * (pair.post - pair.pre));
  }

  result(): OutcomeResult {
    const improvements = this.improvements.values();
    const n = improvements.length;
    const base = {
      scale: this.scale.name,
      direction: this.scale.direction,
      n,
      pre: meanSd(this.pre),
      post: meanSd(this.post),
    };
    const notTested = whyNotTested(improvements);
    if (notTested !== null) {
      const mean = n === 0 ? null : improvementMean(improvements);
      const none = { t: null, df: null, pOneTailed: null, pTwoTailed: null, wilcoxon: null, dz: null };
      return { ...base, improvement: { mean, ci95: null }, ...none, notTested };
    }
    const t = pairedTTestOfDifferences(improvements);
    const w = wilcoxonSignedRankOfDifferences(improvements);
    return {
      notTested: null,
      ...base,
      improvement: { mean: t.estimate, ci95: [t.ci95[0], t.ci95[1]] },
      t: finiteOrNull(t.t),
      df: t.df,
      pOneTailed: finiteOrNull(t.pGreater),
      pTwoTailed: finiteOrNull(t.pTwoTailed),
      wilcoxon: {
        statistic: w.statistic,
        p: finiteOrNull(w.pTwoTailed),
        pOneTailed: finiteOrNull(w.pGreater),
        method: w.method,
      },
      dz: finiteOrNull(t.dz),
    };
  }
}

/**
 * Analyses one scale over the patients with both values.
 *
 * @example
 * analyzeOutcome(patients, { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" });
 * // { scale: "bpi_pain", n: 23, pre: { mean: 5.78, sd: 1.70 }, improvement: { mean: 2.62, ci95: [1.83, 3.41] }, ... }
 */
export function analyzeOutcome(patients: readonly CohortPatient[], scale: Scale): OutcomeResult {
  const o = new OutcomeAccumulator(scale);
  for (const p of patients) o.add(p.outcomes[scale.name]);
  return o.result();
}

/**
 * Null when the paired tests can be computed; otherwise why not: fewer pairs than
 * `MIN_PAIRS_FOR_TESTS`, or every patient changed by the same amount (SD 0: t is infinite,
 * the CI has no width and the signed-rank test has nothing to rank).
 *
 * @example whyNotTested(new Float64Array([3, 3, 3, 3, 3]))?.reason; // "no-variation"
 */
export function whyNotTested(improvements: ArrayLike<number>): NotTested | null {
  const n = improvements.length;
  if (n < MIN_PAIRS_FOR_TESTS) {
    return {
      reason: "too-few-pairs",
      text: `Cannot be computed: ${n} of the at least ${MIN_PAIRS_FOR_TESTS} patients needed have answers before and after.`,
    };
  }
  for (let i = 1; i < n; i++) if (improvements[i] !== improvements[0]) return null;
  return {
    reason: "no-variation",
    text: `Cannot be computed: all ${n} patients changed by exactly the same amount, so there is no variation to test.`,
  };
}

function improvementMean(improvements: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < improvements.length; i++) sum += improvements[i]!;
  return sum / improvements.length;
}

function meanSd(m: RunningMoments): MeanSd {
  if (m.n === 0) return { mean: null, sd: null };
  return { mean: m.mean, sd: finiteOrNull(m.sd) };
}
