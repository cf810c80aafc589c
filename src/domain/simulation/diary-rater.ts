/**
 * A virtual patient's diary ratings for a day, made from the latent benefit of the dose
 * taken: pain falls with it (by the patient's `painScale`), mood, energy and mental clarity
 * rise with it (004: in the window patients notice less pain "and/or better mood, energy and
 * mental clarity"), and the patient says whether this level feels better, the same or worse
 * than the previous one. Each rating has its own autocorrelated noise; ratings are whole
 * numbers from 0 to 10, as a patient would mark them.
 */
import type { Impression } from "../diary/diary-day.ts";
import { createAr1Noise, type NoiseSettings } from "./ar1-noise.ts";
import type { Rng } from "./prng.ts";
import { benefitAt, type VirtualPatient, type WellbeingTrait } from "./virtual-patient.ts";

/**
 * Design setting: a change in latent benefit of more than half a point since the previous
 * level is what a patient calls "better" or "worse"; smaller changes feel "the same".
 */
export const IMPRESSION_THRESHOLD = 0.5;

/**
 * Design setting: the noise in the impression is half the ratings' noise SD: comparing with
 * the previous level is a coarser judgement than marking a number, so it wavers less.
 */
export const IMPRESSION_NOISE_SHARE = 0.5;

export interface DayRatings {
  readonly pain: number;
  readonly mood: number;
  readonly energy: number;
  readonly clarity: number;
  readonly impression: Impression;
}

/**
 * The day's wellbeing score: the mean of mood, energy and clarity, as the engine reads it.
 *
 * @example wellbeingOf({ mood: 4, energy: 5, clarity: 6 }) // 5
 */
export function wellbeingOf(day: Pick<DayRatings, "mood" | "energy" | "clarity">): number {
  return (day.mood + day.energy + day.clarity) / 3;
}

export interface DiaryRater {
  /**
   * Rates a day on which `takenUg` was taken of the scheduled daily total `levelUg` (0 and 0
   * for a day before the first dose). A new `levelUg` starts a new level; the impression
   * compares today with the level before it.
   */
  rate(takenUg: number, levelUg: number): DayRatings;
}

/**
 * A patient's diary ratings, day after day, with `noise` (SD 0 for exact ratings: the
 * latent values rounded).
 *
 * @example createDiaryRater(patient, { sd: 1, autocorrelation: 0.5 }, createRng(deriveSeed(1, 0, 2))).rate(0, 0).pain // 6
 */
export function createDiaryRater(patient: VirtualPatient, noise: NoiseSettings, rng: Rng): DiaryRater {
  const painNoise = createAr1Noise(rng, noise);
  const moodNoise = createAr1Noise(rng, noise);
  const energyNoise = createAr1Noise(rng, noise);
  const clarityNoise = createAr1Noise(rng, noise);
  const impressionNoise = createAr1Noise(rng, {
    sd: noise.sd * IMPRESSION_NOISE_SHARE,
    autocorrelation: noise.autocorrelation,
  });
  let levelUg = 0;
  let previousLevelUg = 0;
  return {
    rate(takenUg, scheduledUg) {
      if (scheduledUg !== levelUg) [previousLevelUg, levelUg] = [levelUg, scheduledUg];
      const benefit = benefitAt(patient, takenUg);
      return {
        pain: rating(patient.baselinePain - patient.painScale * benefit + painNoise()),
        mood: wellbeing(patient.mood, benefit, moodNoise()),
        energy: wellbeing(patient.energy, benefit, energyNoise()),
        clarity: wellbeing(patient.clarity, benefit, clarityNoise()),
        impression: impression(benefit - benefitAt(patient, previousLevelUg) + impressionNoise()),
      };
    },
  };
}

function wellbeing(trait: WellbeingTrait, benefit: number, noise: number): number {
  return rating(trait.baseline + trait.risePerBenefit * benefit + noise);
}

/**
 * The felt change since the previous level, in words.
 *
 * @example impression(0.8) // "better"
 */
export function impression(change: number): Impression {
  if (change > IMPRESSION_THRESHOLD) return "better";
  if (change < -IMPRESSION_THRESHOLD) return "worse";
  return "same";
}

/**
 * A 0-10 rating as a patient marks it: a whole number, never below 0 or above 10.
 *
 * @example rating(10.7) // 10
 */
export function rating(x: number): number {
  return Math.min(10, Math.max(0, Math.round(x)));
}
