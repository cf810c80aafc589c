/**
 * The Wilcoxon signed-rank test ("Wilcoxon signed-rank tests confirmed the paired
 * t-tests", 004), with scipy's `wilcoxon(x, y)` defaults: zero_method='wilcox',
 * correction=False, method='auto'.
 *
 * Zeros (pairs with no change) are dropped before ranking, as Wilcoxon did and as
 * scipy's default 'wilcox' does: they carry no sign, so they are neither evidence for
 * improvement nor against it. The method then follows scipy's 'auto' rule, and the
 * result says which was used:
 * - "exact": at most 50 differences, no zeros and no tied |differences|: Wilcoxon's
 *   exact null distribution.
 * - "exact-permutation": ties or zeros, at most 13 differences (zeros counted): every
 *   one of the 2^n sign assignments is enumerated, so the p-value is exact given the
 *   tied ranks (scipy's `PermutationMethod` is deterministic at this size).
 * - "normal-approximation": otherwise; W+ standardised with the tie-corrected variance
 *   n(n+1)(2n+1)/24 - sum(t^3 - t)/48, without continuity correction.
 */
import { normalCdf, normalSf } from "./normal-distribution.ts";
import { averageRanks } from "./ranks.ts";
import { assertPaired, assertSample } from "./sample.ts";
import {
  MAX_EXACT_RANKS,
  signedRankDistribution,
  signedRankLowerTail,
  signedRankUpperTail,
} from "./signed-rank-distribution.ts";

export type WilcoxonMethod = "exact" | "exact-permutation" | "normal-approximation";

/** scipy's 'auto' enumerates sign flips up to 13 values (2^13 is below its 9999 resamples). */
export const MAX_PERMUTATION_SIZE = 13;

export interface WilcoxonSignedRank {
  /** min(W+, W-): the statistic scipy reports for the two-sided test. */
  readonly statistic: number;
  /** Sum of the ranks of the positive differences. */
  readonly wPlus: number;
  /** Sum of the ranks of the negative differences. */
  readonly wMinus: number;
  /** Differences used (zeros left out). */
  readonly n: number;
  /** Zero differences left out. */
  readonly zeros: number;
  readonly ties: boolean;
  readonly method: WilcoxonMethod;
  /** (W+ - mean) / SE for the normal approximation (positive when W+ is above its mean); null otherwise. */
  readonly z: number | null;
  readonly pTwoTailed: number;
  /** One-tailed p for "the differences tend to be positive". */
  readonly pGreater: number;
  /** One-tailed p for "the differences tend to be negative". */
  readonly pLess: number;
}

/**
 * Signed-rank test on the differences `x[i] - y[i]`.
 *
 * @example
 * const r = wilcoxonSignedRank([6, 7, 5, 8, 9], [4, 6, 5, 5, 4]);
 * r.method; // "exact-permutation" (one zero difference)
 * r.wPlus; // 10
 */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): WilcoxonSignedRank {
  assertSample("x", x, 1);
  assertSample("y", y, 1);
  assertPaired("x", x, "y", y);
  return wilcoxonSignedRankOfDifferences(x.map((v, i) => v - y[i]!));
}

/**
 * Signed-rank test of whether differences are centred on 0.
 *
 * @example
 * wilcoxonSignedRankOfDifferences([1, 2, 3, 4, 5]).pTwoTailed; // 0.0625
 */
export function wilcoxonSignedRankOfDifferences(differences: readonly number[]): WilcoxonSignedRank {
  assertSample("differences", differences, 1);
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const { ranks, tieGroups } = averageRanks(nonZero.map(Math.abs));
  const wPlus = sum(ranks.filter((_, i) => nonZero[i]! > 0));
  const wMinus = sum(ranks.filter((_, i) => nonZero[i]! < 0));
  const ties = tieGroups.some((t) => t > 1);
  const method = chooseMethod(differences.length, zeros, ties);
  const base = { statistic: Math.min(wPlus, wMinus), wPlus, wMinus, n: nonZero.length, zeros, ties, method };
  if (method === "normal-approximation")
    return { ...base, ...normalApproximation(wPlus, nonZero.length, tieGroups) };
  return { ...base, ...exactTails(ranks, wPlus) };
}

/** scipy's method='auto' rule; `size` counts zeros too, as scipy's does. */
function chooseMethod(size: number, zeros: number, ties: boolean): WilcoxonMethod {
  if (size > MAX_EXACT_RANKS) return "normal-approximation";
  if (zeros === 0 && !ties) return "exact";
  return size <= MAX_PERMUTATION_SIZE ? "exact-permutation" : "normal-approximation";
}

function exactTails(ranks: readonly number[], wPlus: number) {
  const distribution = signedRankDistribution(ranks);
  const pGreater = signedRankUpperTail(distribution, wPlus);
  const pLess = signedRankLowerTail(distribution, wPlus);
  return { z: null, pGreater, pLess, pTwoTailed: Math.min(1, 2 * Math.min(pGreater, pLess)) };
}

function normalApproximation(wPlus: number, n: number, tieGroups: readonly number[]) {
  const tieCorrection = sum(tieGroups.map((t) => t ** 3 - t));
  // Same order of operations as scipy, so the standard error agrees to the last digits.
  const se = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieCorrection / 2) / 24);
  const z = (wPlus - (n * (n + 1)) / 4) / se;
  return { z, pGreater: normalSf(z), pLess: normalCdf(z), pTwoTailed: 2 * normalSf(Math.abs(z)) };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
