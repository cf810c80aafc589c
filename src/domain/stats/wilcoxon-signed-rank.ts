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
export function wilcoxonSignedRank(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonSignedRank {
  assertSample("x", x, 1);
  assertSample("y", y, 1);
  assertPaired("x", x, "y", y);
  const differences = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) differences[i] = x[i]! - y[i]!;
  return wilcoxonSignedRankOfDifferences(differences);
}

/**
 * Signed-rank test of whether differences are centred on 0. Takes an array or a typed
 * array; a million differences take a fraction of a second (two native sorts and one
 * merge, no comparator and no array of a million ranks).
 *
 * @example
 * wilcoxonSignedRankOfDifferences([1, 2, 3, 4, 5]).pTwoTailed; // 0.0625
 */
export function wilcoxonSignedRankOfDifferences(differences: ArrayLike<number>): WilcoxonSignedRank {
  assertSample("differences", differences, 1);
  const { positive, negative } = magnitudesBySign(differences);
  const n = positive.length + negative.length;
  const zeros = differences.length - n;
  const { wPlus, wMinus, ties, tieCorrection } = signedRankSums(positive, negative);
  const method = chooseMethod(differences.length, zeros, ties);
  const base = { statistic: Math.min(wPlus, wMinus), wPlus, wMinus, n, zeros, ties, method };
  if (method === "normal-approximation") return { ...base, ...normalApproximation(wPlus, n, tieCorrection) };
  return { ...base, ...exactTails(nonZeroRanks(positive, negative), wPlus) };
}

/** |d| of the positive and of the negative differences, each sorted ascending; zeros dropped. */
function magnitudesBySign(differences: ArrayLike<number>) {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < differences.length; i++) {
    if (differences[i]! > 0) positives++;
    else if (differences[i]! < 0) negatives++;
  }
  const positive = new Float64Array(positives);
  const negative = new Float64Array(negatives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    if (d > 0) positive[p++] = d;
    else if (d < 0) negative[q++] = -d;
  }
  return { positive: positive.sort(), negative: negative.sort() };
}

/**
 * Walks both sorted magnitude lists together, one group of equal |d| at a time: each group
 * of t values takes the average of the next t ranks, W+ gets the positives' share, and the
 * tie correction gets t^3 - t. The same ranks as ranking all |d| together (averageRanks).
 */
function signedRankSums(positive: Float64Array, negative: Float64Array) {
  let i = 0;
  let j = 0;
  let ranked = 0;
  let wPlus = 0;
  let wMinus = 0;
  let tieCorrection = 0;
  let ties = false;
  while (i < positive.length || j < negative.length) {
    const value = Math.min(positive[i] ?? Infinity, negative[j] ?? Infinity);
    let plus = 0;
    let minus = 0;
    while (i < positive.length && positive[i] === value) {
      i++;
      plus++;
    }
    while (j < negative.length && negative[j] === value) {
      j++;
      minus++;
    }
    const t = plus + minus;
    const rank = ranked + (t + 1) / 2;
    wPlus += plus * rank;
    wMinus += minus * rank;
    tieCorrection += t ** 3 - t;
    if (t > 1) ties = true;
    ranked += t;
  }
  return { wPlus, wMinus, ties, tieCorrection };
}

/** The average ranks of all non-zero |d| (any order: the exact distribution needs only the set). */
function nonZeroRanks(positive: Float64Array, negative: Float64Array): Float64Array {
  const all = new Float64Array(positive.length + negative.length);
  all.set(positive);
  all.set(negative, positive.length);
  return averageRanks(all).ranks;
}

/** scipy's method='auto' rule; `size` counts zeros too, as scipy's does. */
function chooseMethod(size: number, zeros: number, ties: boolean): WilcoxonMethod {
  if (size > MAX_EXACT_RANKS) return "normal-approximation";
  if (zeros === 0 && !ties) return "exact";
  return size <= MAX_PERMUTATION_SIZE ? "exact-permutation" : "normal-approximation";
}

function exactTails(ranks: ArrayLike<number>, wPlus: number) {
  const distribution = signedRankDistribution(ranks);
  const pGreater = signedRankUpperTail(distribution, wPlus);
  const pLess = signedRankLowerTail(distribution, wPlus);
  return { z: null, pGreater, pLess, pTwoTailed: Math.min(1, 2 * Math.min(pGreater, pLess)) };
}

function normalApproximation(wPlus: number, n: number, tieCorrection: number) {
  // Same order of operations as scipy, so the standard error agrees to the last digits.
  const se = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieCorrection / 2) / 24);
  const z = (wPlus - (n * (n + 1)) / 4) / se;
  return { z, pGreater: normalSf(z), pLess: normalCdf(z), pTwoTailed: 2 * normalSf(Math.abs(z)) };
}
