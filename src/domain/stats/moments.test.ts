import { describe, expect, it } from "vitest";
import { mean, sampleSd, sampleVariance } from "./moments.ts";

describe("moments", () => {
  it("computes the mean and the n - 1 variance", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 15);
    expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 15);
  });

  it("keeps full precision for large values close together, where one-pass formulas fail", () => {
    expect(sampleVariance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
  });

  it("has no variance for a single value", () => {
    expect(sampleVariance([5])).toBeNaN();
  });
});
