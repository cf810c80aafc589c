import { describe, expect, it } from "vitest";
import { pairedTTest, pairedTTestOfDifferences } from "./paired-t-test.ts";

describe("pairedTTest", () => {
  it("tests the mean of x - y against 0 on n - 1 degrees of freedom", () => {
    // Differences 2, 1, 0, 3: mean 1.5, SD sqrt(5/3), t = 1.5 / (SD / 2).
    const r = pairedTTest([6, 7, 5, 8], [4, 6, 5, 5]);
    expect(r.n).toBe(4);
    expect(r.df).toBe(3);
    expect(r.estimate).toBe(1.5);
    expect(r.t).toBeCloseTo(1.5 / (Math.sqrt(5 / 3) / 2), 14);
    expect(r.dz).toBeCloseTo(1.5 / Math.sqrt(5 / 3), 14);
  });

  it("splits the two-tailed p into one-tailed ps that add to 1", () => {
    const r = pairedTTestOfDifferences([2, 1, 0, 3]);
    expect(r.pGreater * 2).toBeCloseTo(r.pTwoTailed, 15);
    expect(r.pGreater + r.pLess).toBeCloseTo(1, 15);
  });

  it("centres the 95% interval on the mean difference and excludes 0 when p < 0.05", () => {
    const r = pairedTTestOfDifferences([2.1, 1.8, 2.6, 3.0, 1.2, 2.2]);
    expect((r.ci95[0] + r.ci95[1]) / 2).toBeCloseTo(r.estimate, 14);
    expect(r.pTwoTailed).toBeLessThan(0.05);
    expect(r.ci95[0]).toBeGreaterThan(0);
  });

  it("gives an infinite t and p = 0 when every difference is the same non-zero value", () => {
    const r = pairedTTest([1, 2, 3], [0, 1, 2]);
    expect(r.t).toBe(Infinity);
    expect(r.pTwoTailed).toBe(0);
  });

  it("refuses samples of different lengths or of one pair", () => {
    expect(() => pairedTTest([1, 2, 3], [1, 2])).toThrow("y: must have as many values as x (3)");
    expect(() => pairedTTest([1], [2])).toThrow("x: needs at least 2 values");
  });
});
