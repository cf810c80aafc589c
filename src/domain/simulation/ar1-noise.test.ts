import { describe, expect, it } from "vitest";
import { createAr1Noise, NO_NOISE } from "./ar1-noise.ts";
import { createRng } from "./prng.ts";

const series = (sd: number, autocorrelation: number, n: number, seed = 11) => {
  const noise = createAr1Noise(createRng(seed), { sd, autocorrelation });
  return Array.from({ length: n }, () => noise());
};

const sdOf = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

const lag1 = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i]! - m) ** 2;
    if (i > 0) num += (xs[i]! - m) * (xs[i - 1]! - m);
  }
  return num / den;
};

describe("autocorrelated rating noise", () => {
  it("has the SD and day-to-day autocorrelation it is given", () => {
    const xs = series(1.5, 0.5, 40_000);
    expect(sdOf(xs)).toBeCloseTo(1.5, 1);
    expect(lag1(xs)).toBeCloseTo(0.5, 1);
  });

  it("is independent day to day at autocorrelation 0", () => {
    expect(Math.abs(lag1(series(1, 0, 40_000)))).toBeLessThan(0.02);
  });

  it("has the full SD on the first day, not a run-in from 0", () => {
    const firsts = Array.from({ length: 20_000 }, (_, seed) => series(1, 0.9, 1, seed)[0]!);
    expect(sdOf(firsts)).toBeCloseTo(1, 1);
  });

  it("is exactly 0 every day when noise-free", () => {
    const noise = createAr1Noise(createRng(3), NO_NOISE);
    expect(Array.from({ length: 50 }, () => noise())).toEqual(Array(50).fill(0));
  });
});
