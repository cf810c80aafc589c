import { describe, expect, it } from "vitest";
import { spearman } from "./spearman.ts";

describe("spearman", () => {
  it("correlates average ranks", () => {
    // Ranks of y: 1, 2, 4.5, 3, 4.5 -> rho = 0.8207826816681233 (hand-checked with scipy).
    const r = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(r.rho).toBeCloseTo(0.8207826816681233, 14);
    expect(r.n).toBe(5);
  });

  it("is unchanged by any monotone transformation", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2, 8, 1, 8];
    expect(
      spearman(
        x.map((v) => v ** 3),
        y.map(Math.exp),
      ).rho,
    ).toBeCloseTo(spearman(x, y).rho, 14);
  });

  it("has a p-value of 1 when there is no rank correlation at all", () => {
    expect(spearman([1, 2, 3, 4], [2, 1, 4, 3]).rho).toBeCloseTo(0.6, 14);
    expect(spearman([1, 2, 3, 4, 5], [3, 1, 5, 2, 4]).p).toBeGreaterThan(0.5);
  });

  it("leaves rho undefined when one variable is constant", () => {
    expect(spearman([1, 2, 3], [4, 4, 4]).rho).toBeNaN();
  });
});
