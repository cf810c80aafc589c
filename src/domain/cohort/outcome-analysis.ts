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
}

/** Paired tests need two pairs at least (the t-test's SD needs n - 1 > 0). */
export const MIN_PAIRS = 2;

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
    if (n < MIN_PAIRS) {
      const mean = n === 0 ? null : improvements[0]!;
      const none = { t: null, df: null, pOneTailed: null, pTwoTailed: null, wilcoxon: null, dz: null };
      return { ...base, improvement: { mean, ci95: null }, ...none };
    }
    const t = pairedTTestOfDifferences(improvements);
    const w = wilcoxonSignedRankOfDifferences(improvements);
    return {
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

function meanSd(m: RunningMoments): MeanSd {
  if (m.n === 0) return { mean: null, sd: null };
  return { mean: m.mean, sd: finiteOrNull(m.sd) };
}
