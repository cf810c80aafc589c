/**
 * Table 2 of 004 for one scale: pre and post means, the improvement with its 95% CI,
 * the paired t-test (one-tailed, as 004 reports it, and two-tailed), the Wilcoxon
 * signed-rank test and the effect size dz, over the patients with both values.
 *
 * Signs: the improvement of each patient is post - pre for a higher-is-better scale and
 * pre - post for a lower-is-better one, so a positive improvement is always better and
 * the one-tailed p always tests "patients improved". (004 printed pre - post for every
 * scale, so its PROMIS rows carry the opposite sign.)
 */
import { pairedTTestOfDifferences } from "../stats/paired-t-test.ts";
import { wilcoxonSignedRankOfDifferences, type WilcoxonMethod } from "../stats/wilcoxon-signed-rank.ts";
import { describe } from "../stats/descriptive.ts";
import type { CohortPatient, Direction, Scale } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";

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
 * Analyses one scale over the patients with both values.
 *
 * @example
 * analyzeOutcome(patients, { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" });
 * // { scale: "bpi_pain", n: 23, pre: { mean: 5.78, sd: 1.70 }, improvement: { mean: 2.62, ci95: [1.83, 3.41] }, ... }
 */
export function analyzeOutcome(patients: readonly CohortPatient[], scale: Scale): OutcomeResult {
  const pairs = patients
    .map((p) => p.outcomes[scale.name])
    .filter((o): o is { pre: number; post: number } => o?.pre != null && o.post != null);
  const pre = pairs.map((p) => p.pre);
  const post = pairs.map((p) => p.post);
  const sign = scale.direction === "higher-is-better" ? 1 : -1;
  const improvements = pairs.map((p) => sign * (p.post - p.pre));
  const base = {
    scale: scale.name,
    direction: scale.direction,
    n: pairs.length,
    pre: meanSd(pre),
    post: meanSd(post),
  };
  if (pairs.length < MIN_PAIRS) {
    const mean = pairs.length === 0 ? null : improvements[0]!;
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

function meanSd(values: readonly number[]): MeanSd {
  if (values.length === 0) return { mean: null, sd: null };
  const d = describe(values);
  return { mean: d.mean, sd: finiteOrNull(d.sd) };
}
