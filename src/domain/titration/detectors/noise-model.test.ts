import { describe, expect, it } from "vitest";
import { createAr1Noise } from "../../simulation/ar1-noise.ts";
import { createRng } from "../../simulation/prng.ts";
import { estimateNoise, meanVarianceFactor, prefixSums, sliceSums, type NoisePrior } from "./noise-model.ts";

const prior: NoisePrior = { sd: 1.2, sdWeight: 2, rho: 0.3, rhoWeight: 10 };

/** Var(mean of m days) / sigma^2 by its definition: the sum of every pair's correlation rho^|i-j|, over m^2. */
function bruteForce(m: number, rho: number): number {
  let sum = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sum += rho ** Math.abs(i - j);
  return sum / (m * m);
}

describe("the variance of a mean of autocorrelated days", () => {
  it("matches the definition (the sum of rho^|i-j| over every pair) for many lengths and correlations", () => {
    for (const rho of [0, 0.1, 0.3, 0.5, 0.8]) {
      for (const m of [1, 2, 3, 7, 14, 60])
        expect(meanVarianceFactor(m, rho)).toBeCloseTo(bruteForce(m, rho), 12);
    }
  });

  it("matches the spread of means of simulated AR(1) days", () => {
    const noise = createAr1Noise(createRng(3), { sd: 1, autocorrelation: 0.5 });
    const means: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      let s = 0;
      for (let d = 0; d < 6; d++) s += noise();
      means.push(s / 6);
    }
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    const variance = means.reduce((a, b) => a + (b - mean) ** 2, 0) / (means.length - 1);
    expect(variance).toBeCloseTo(meanVarianceFactor(6, 0.5), 1);
  });
});

describe("a patient's own noise", () => {
  const series = (rho: number, n: number, seed = 5) => {
    const noise = createAr1Noise(createRng(seed), { sd: 1.5, autocorrelation: rho });
    return Array.from({ length: n }, () => 6 + noise());
  };
  const estimate = (xs: number[]) => estimateNoise([sliceSums(prefixSums(xs), xs, 0, xs.length)], prior);

  it("recovers the SD and leans cautious on the autocorrelation from a long flat stretch", () => {
    for (const rho of [0, 0.3, 0.6]) {
      const e = estimate(series(rho, 4000));
      expect(e.sd).toBeCloseTo(1.5, 1);
      expect(e.rho).toBeGreaterThanOrEqual(rho - 0.03);
      expect(e.rho).toBeLessThanOrEqual(rho + 0.06);
    }
  });

  it("stays near the prior on a few days, with its weight counted in the degrees of freedom", () => {
    const e = estimate([7, 7, 7]);
    expect(e.sd).toBeLessThan(prior.sd);
    expect(e.sd).toBeGreaterThan(0.5);
    expect(e.df).toBe(2 + prior.sdWeight);
  });

  it("adds same-dose pairs of days to the scatter: each is 2 sd^2 (1 - rho) in expectation", () => {
    const flat = [7, 7, 7];
    const base = estimateNoise([sliceSums(prefixSums(flat), flat, 0, 3)], prior);
    const withPairs = estimateNoise([sliceSums(prefixSums(flat), flat, 0, 3)], prior, {
      sumSq: 40,
      count: 10,
    });
    expect(withPairs.df).toBe(base.df + 10);
    expect(withPairs.sd).toBeGreaterThan(base.sd);
  });
});
