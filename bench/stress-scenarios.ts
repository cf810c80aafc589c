/**
 * The stress bench's scenarios (`bench/engine-stress.ts`, whose header describes each) and the
 * diary rater that writes them: the judged rater's model (`diary-rater.ts`) with one departure
 * at a time, drawing the judged bench's own numbers wherever the scenario does not change them.
 */
import { createAr1Noise, type NoiseSettings } from "../src/domain/simulation/ar1-noise.ts";
import {
  IMPRESSION_NOISE_SHARE,
  impression,
  rating,
  type DayRatings,
  type DiaryRater,
} from "../src/domain/simulation/diary-rater.ts";
import { normal, type Rng } from "../src/domain/simulation/prng.ts";
import { benefitAt, type VirtualPatient } from "../src/domain/simulation/virtual-patient.ts";

/** Diary days before the first dose, as on the judged bench. */
export const BASELINE_DAYS = 3;

export interface Scenario {
  readonly key: string;
  readonly title: string;
  readonly noise: NoiseSettings;
  readonly heavyTails?: boolean;
  /** Points added to pain on diary day `t` (0 = first baseline day); `onDrug` is t - baseline + 1. */
  readonly painShift?: (t: number, onDrug: number) => number;
  readonly missingShare?: number;
  readonly painOnly?: boolean;
  /** Share of the variance of mood, energy and clarity's noise that the three have in common. */
  readonly wellbeingShared?: number;
  /** A slow wander added to every rating's noise (drawn only here, after the others). */
  readonly slow?: NoiseSettings;
  /** A random walk added to every rating's noise: each day moves by this SD (drawn only here). */
  readonly walkStepSd?: number;
}

export const REF: NoiseSettings = { sd: 1, autocorrelation: 0.3 };
export const SCENARIOS: readonly Scenario[] = [
  { key: "ref", title: "reference SD 1, rho 0.3", noise: REF },
  { key: "t3", title: "heavy tails, t(3) SD 1", noise: REF, heavyTails: true },
  {
    key: "drift-down",
    title: "pain -1.5 over 60 days",
    noise: REF,
    painShift: (t) => (-1.5 * Math.min(t, 60)) / 60,
  },
  { key: "drift-up", title: "pain +1 over 60 days", noise: REF, painShift: (t) => Math.min(t, 60) / 60 },
  { key: "missing", title: "25% of diary days missing", noise: REF, missingShare: 0.25 },
  { key: "weekly", title: "pain +1 on 2 days a week", noise: REF, painShift: (t) => (t % 7 >= 5 ? 1 : 0) },
  { key: "sd1.5", title: "noise SD 1.5", noise: { sd: 1.5, autocorrelation: 0.3 } },
  { key: "sd2", title: "noise SD 2", noise: { sd: 2, autocorrelation: 0.3 } },
  { key: "pain-only", title: "pain only (no mood etc.)", noise: REF, painOnly: true },
  { key: "placebo", title: "placebo -1.5 d1-14, 0 by d28", noise: REF, painShift: (_, d) => placebo(d) },
  { key: "wb-shared", title: "(extra) mood etc. share 70% of noise", noise: REF, wellbeingShared: 0.7 },
  { key: "rho0.7", title: "runs: autocorrelation 0.7", noise: { sd: 1, autocorrelation: 0.7 } },
  { key: "rho0.85", title: "long runs: autocorrelation 0.85", noise: { sd: 1, autocorrelation: 0.85 } },
  {
    key: "wander",
    title: "SD 0.8 rho 0.3 + slow wander SD 0.8 rho 0.95",
    noise: { sd: 0.8, autocorrelation: 0.3 },
    slow: { sd: 0.8, autocorrelation: 0.95 },
  },
  {
    key: "walk",
    title: "SD 0.8 rho 0.3 + random walk, 0.2 a day",
    noise: { sd: 0.8, autocorrelation: 0.3 },
    walkStepSd: 0.2,
  },
];

/** Pain points of the placebo response on day `d` on LDN (1-based; 0 or less before it). */
function placebo(d: number): number {
  if (d < 1 || d >= 28) return 0;
  return d <= 14 ? -1.5 : (-1.5 * (28 - d)) / 14;
}

/**
 * AR(1) noise of SD `sd` whose fresh draws are Student t(3) scaled to variance 1 (a normal
 * over the root of a chi-square with 3 degrees of freedom), the first day included.
 */
function createHeavyAr1(rng: Rng, { sd, autocorrelation: rho }: NoiseSettings): () => number {
  const fresh = Math.sqrt(1 - rho * rho);
  let state: number | null = null;
  return () => {
    const z = normal(rng) / Math.sqrt(normal(rng) ** 2 + normal(rng) ** 2 + normal(rng) ** 2);
    state = state === null ? z : rho * state + fresh * z;
    return sd * state;
  };
}

/** A random walk from 0: each call moves it by a normal step of SD `step`. */
function createWalk(rng: Rng, step: number): () => number {
  let state = 0;
  return () => (state += step * normal(rng));
}

/** `createDiaryRater` with the scenario's noise and pain shift; the same draws for `ref`. */
export function createStressRater(patient: VirtualPatient, sc: Scenario, rng: Rng): DiaryRater {
  const make = (noise: NoiseSettings) => (sc.heavyTails ? createHeavyAr1 : createAr1Noise)(rng, noise);
  const fast = [0, 1, 2, 3].map(() => make(sc.noise));
  const slow = sc.slow
    ? [0, 1, 2, 3].map(() => createAr1Noise(rng, sc.slow!))
    : sc.walkStepSd
      ? [0, 1, 2, 3].map(() => createWalk(rng, sc.walkStepSd!))
      : null;
  const [painNoise, moodNoise, energyNoise, clarityNoise] = slow
    ? fast.map((f, k) => () => f() + slow[k]!())
    : fast;
  const impressionNoise = createAr1Noise(rng, {
    sd: sc.noise.sd * IMPRESSION_NOISE_SHARE,
    autocorrelation: sc.noise.autocorrelation,
  });
  // A bad day is bad for mood, energy and clarity together: a common part (drawn only here, so
  // the other scenarios keep the judge's draws) mixed into each rating's own noise.
  const shared = sc.wellbeingShared ?? 0;
  const common = shared ? make(sc.noise) : () => 0;
  const mix = (own: () => number) =>
    shared ? () => Math.sqrt(shared) * common() + Math.sqrt(1 - shared) * own() : own;
  const [mood, energy, clarity] = [moodNoise!, energyNoise!, clarityNoise!].map(mix);
  let t = 0;
  let levelUg = 0;
  let previousLevelUg = 0;
  const wellbeing = (trait: VirtualPatient["mood"], benefit: number, noise: number) =>
    rating(trait.baseline + trait.risePerBenefit * benefit + noise);
  return {
    rate(taken, scheduledUg): DayRatings {
      if (scheduledUg !== levelUg) [previousLevelUg, levelUg] = [levelUg, scheduledUg];
      const shift = sc.painShift?.(t, t - BASELINE_DAYS + 1) ?? 0;
      t += 1;
      const benefit = benefitAt(patient, taken);
      return {
        pain: rating(patient.baselinePain - patient.painScale * benefit + shift + painNoise!()),
        mood: wellbeing(patient.mood, benefit, mood!()),
        energy: wellbeing(patient.energy, benefit, energy!()),
        clarity: wellbeing(patient.clarity, benefit, clarity!()),
        impression: impression(benefit - benefitAt(patient, previousLevelUg) + impressionNoise()),
      };
    },
  };
}
