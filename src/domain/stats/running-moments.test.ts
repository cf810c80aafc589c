import { describe, expect, it } from "vitest";
import { mean, sampleVariance } from "./moments.ts";
import { RunningMoments, runningMoments } from "./running-moments.ts";

describe("RunningMoments", () => {
  it("gives the count, mean, sample variance, min and max of the values added one at a time", () => {
    const m = runningMoments([2, 4, 4, 4, 5, 5, 7, 9]);
    expect([m.n, m.mean, m.min, m.max]).toEqual([8, 5, 2, 9]);
    expect(m.variance).toBeCloseTo(32 / 7, 14);
  });

  it("has no variance below two values, rather than pretending it is 0", () => {
    const m = new RunningMoments();
    expect(m.variance).toBeNaN();
    m.add(4.2);
    expect(m.variance).toBeNaN();
    expect(m.sd).toBeNaN();
  });

  it("does not cancel on large values close together, where the one-pass formula would", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 1e6 + (i % 7) * 0.1);
    // Subtracting 1e6 is exact here, so the offsets give the reference without cancellation.
    const offsets = values.map((v) => v - 1e6);
    const m = runningMoments(values);
    expect(Math.abs(m.mean - 1e6 - mean(offsets))).toBeLessThan(1e-8);
    expect(Math.abs(m.variance / sampleVariance(offsets) - 1)).toBeLessThan(1e-10);
    const n = values.length;
    const onePass = (values.reduce((s, v) => s + v * v, 0) - n * mean(values) ** 2) / (n - 1);
    expect(Math.abs(onePass / sampleVariance(offsets) - 1)).toBeGreaterThan(1);
  });
});
