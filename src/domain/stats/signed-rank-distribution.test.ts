import { describe, expect, it } from "vitest";
import {
  signedRankDistribution,
  signedRankLowerTail,
  signedRankUpperTail,
} from "./signed-rank-distribution.ts";

describe("signedRankDistribution", () => {
  it("counts the sign assignments of ranks 1..3 for each value of W+", () => {
    const { counts, total } = signedRankDistribution([1, 2, 3]);
    expect(total).toBe(8);
    // Doubled W+: 0, 2, 4, 6 (twice: {3} and {1,2}), 8, 10, 12.
    expect(counts.filter((_, s) => s % 2 === 0)).toEqual([1, 1, 1, 2, 1, 1, 1]);
  });

  it("is symmetric and sums to 2^n for tied, half-integer ranks", () => {
    const { counts, total } = signedRankDistribution([1.5, 1.5, 3, 4.5, 4.5]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(counts).toEqual([...counts].reverse());
  });

  it("matches the published table for n = 10: P(W+ <= 8) = 0.02441", () => {
    const d = signedRankDistribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(signedRankLowerTail(d, 8)).toBeCloseTo(25 / 1024, 15);
    expect(signedRankUpperTail(d, 47)).toBeCloseTo(25 / 1024, 15);
  });

  it("refuses more ranks than counts can hold exactly", () => {
    expect(() => signedRankDistribution(Array.from({ length: 51 }, (_, i) => i + 1))).toThrow(
      "exact distribution limited to 50 ranks",
    );
  });
});
