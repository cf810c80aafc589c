/**
 * Day-to-day rating noise that comes in runs: a stationary AR(1) process. Bad days follow
 * bad days, as in a real pain diary, so a detector cannot average noise away as quickly as
 * it could independent noise.
 */
import { normal, type Rng } from "./prng.ts";

export interface NoiseSettings {
  /** Standard deviation of a day's noise, in rating points (0 for exact ratings). */
  readonly sd: number;
  /** Correlation of one day's noise with the day before's, from 0 (independent) to below 1. */
  readonly autocorrelation: number;
}

/** Exact ratings: the noise-free twin. */
export const NO_NOISE: NoiseSettings = { sd: 0, autocorrelation: 0 };

/**
 * A generator of one noise value a day, each `autocorrelation` x the day before's plus fresh
 * noise, scaled so every day (the first included) has SD `sd`: the first day is drawn from
 * the stationary distribution, not from 0.
 *
 * @example const noise = createAr1Noise(createRng(7), { sd: 1, autocorrelation: 0.5 }); noise() // 0.31
 */
export function createAr1Noise(rng: Rng, settings: NoiseSettings): () => number {
  const { sd, autocorrelation: rho } = settings;
  const fresh = Math.sqrt(1 - rho * rho);
  let state: number | null = null;
  return () => {
    // The draw is made even when sd is 0, so noisy and noise-free runs use their streams alike.
    const z = normal(rng);
    state = state === null ? z : rho * state + fresh * z;
    return sd === 0 ? 0 : sd * state;
  };
}
