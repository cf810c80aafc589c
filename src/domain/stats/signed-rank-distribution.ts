/**
 * The exact null distribution of the signed-rank sum W+: under the null hypothesis every
 * one of the 2^n ways to give the ranks a sign is equally likely, so P(W+ = w) is the
 * number of sign assignments whose positive ranks sum to w, over 2^n.
 *
 * Written here rather than taken from a library because the test needs two things no
 * package offers together: the distribution for tied (average, half-integer) ranks,
 * which is what scipy's permutation method enumerates for small samples with ties or
 * zeros, and exact integer counts (@stdlib's signrank cdf covers only untied ranks 1..n,
 * and scipy itself sums floating-point probabilities). One dynamic programme over
 * doubled ranks gives both: doubling makes half-integer ranks whole numbers.
 */
import { invalidArgument } from "../errors.ts";

/**
 * Counts stay exact in a double only below 2^53; 2^50 sign assignments is the largest
 * total used (scipy's exact method stops at n = 50).
 */
export const MAX_EXACT_RANKS = 50;

export interface SignedRankDistribution {
  /** counts[s] = number of sign assignments with 2 x W+ = s. */
  readonly counts: readonly number[];
  /** 2^n, the number of sign assignments. */
  readonly total: number;
}

/**
 * The distribution of 2 x W+ for the given ranks (whole or half-integer).
 *
 * @example
 * signedRankDistribution([1, 2, 3]).counts;
 * // [1, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 1]: W+ = 0, 1, 2, 3 (twice), 4, 5, 6
 */
export function signedRankDistribution(ranks: ArrayLike<number>): SignedRankDistribution {
  if (ranks.length > MAX_EXACT_RANKS) {
    throw invalidArgument("ranks", ranks.length, `exact distribution limited to ${MAX_EXACT_RANKS} ranks`);
  }
  let counts = [1];
  for (let r = 0; r < ranks.length; r++) {
    const step = Math.round(2 * ranks[r]!);
    const next = new Array<number>(counts.length + step).fill(0);
    counts.forEach((c, s) => {
      next[s]! += c; // this rank negative
      next[s + step]! += c; // this rank positive
    });
    counts = next;
  }
  return { counts, total: 2 ** ranks.length };
}

/**
 * P(W+ >= w) under the distribution.
 *
 * @example signedRankUpperTail(signedRankDistribution([1, 2, 3]), 6); // 0.125
 */
export function signedRankUpperTail(distribution: SignedRankDistribution, w: number): number {
  const from = Math.max(0, Math.ceil(2 * w - 1e-9));
  let count = 0;
  for (let s = from; s < distribution.counts.length; s++) count += distribution.counts[s]!;
  return count / distribution.total;
}

/**
 * P(W+ <= w) under the distribution.
 *
 * @example signedRankLowerTail(signedRankDistribution([1, 2, 3]), 0); // 0.125
 */
export function signedRankLowerTail(distribution: SignedRankDistribution, w: number): number {
  const to = Math.min(distribution.counts.length - 1, Math.floor(2 * w + 1e-9));
  let count = 0;
  for (let s = 0; s <= to; s++) count += distribution.counts[s]!;
  return count / distribution.total;
}
