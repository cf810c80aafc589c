/**
 * The conditions of the judged bench (issue 11): rating noise, its autocorrelation and the
 * baseline days, with their defaults and the ranges the bench accepts.
 */
import { invalidArgument } from "../errors.ts";
import type { NoiseSettings } from "./ar1-noise.ts";

/** Design setting (issue 11): the noise SD the noisy goal is stated for, in rating points. */
export const JUDGED_NOISE_SD = 1;

/**
 * Design setting: day-to-day autocorrelation of the judged noise. Bad days come in runs; at
 * 0.5, n days of a level carry about as much information as n/3 independent days
 * (n(1 - 0.5)/(1 + 0.5)), so an engine cannot pass by averaging noise away as if each day
 * were new. Stricter than the realistic bench's 0.3 (`COHORT.noiseAutocorrelation`).
 */
export const JUDGED_AUTOCORRELATION = 0.5;

/** Design setting (issue 11): the baseline days (before the first dose) the goals are stated for. */
export const JUDGED_BASELINE_DAYS = 3;

/** Design setting of the bench: noise SD above 10 points drowns a 0-10 scale; more is no test. */
export const MAX_JUDGED_NOISE_SD = 10;

/** Design setting of the bench: at most 4 weeks of baseline days. */
export const MAX_JUDGED_BASELINE_DAYS = 28;

/** The judged noise (issue 11's noisy condition). */
export const JUDGED_NOISE: NoiseSettings = {
  sd: JUDGED_NOISE_SD,
  autocorrelation: JUDGED_AUTOCORRELATION,
};

/**
 * Throws a DomainError naming the first setting out of range.
 *
 * @example checkJudgedSettings({ sd: 1, autocorrelation: 0.5 }, 3) // passes
 */
export function checkJudgedSettings(noise: NoiseSettings, baselineDays: number): void {
  if (!(Number.isFinite(noise.sd) && noise.sd >= 0 && noise.sd <= MAX_JUDGED_NOISE_SD)) {
    throw invalidArgument("noiseSd", noise.sd, `must be a number from 0 to ${MAX_JUDGED_NOISE_SD}`);
  }
  const rho = noise.autocorrelation;
  if (!(Number.isFinite(rho) && rho >= 0 && rho < 1)) {
    throw invalidArgument("autocorrelation", rho, "must be a number from 0 up to (not including) 1");
  }
  if (!(
    Number.isSafeInteger(baselineDays) &&
    baselineDays >= 0 &&
    baselineDays <= MAX_JUDGED_BASELINE_DAYS
  )) {
    throw invalidArgument(
      "baselineDays",
      baselineDays,
      `must be a whole number from 0 to ${MAX_JUDGED_BASELINE_DAYS}`,
    );
  }
}
