/**
 * Virtual patients for the test bench. Each has a hidden dose-response curve the engine
 * never sees. The cohort's numbers are this project's design settings, chosen to look like
 * the sources where they say something, and named as such:
 * - MEDs spread like 004's (0.1 to 5.6 mg, most at 2 mg or less, mean about 2.4 mg);
 * - the benefit at the MED like 004's BPI pain change (2.62 points, Table 2);
 * - hormetic falls above the MED in about a third (004: 13 of 41);
 * - non-responders (Bruun-Plesner 2020: 11 of 25 responsive);
 * - day-to-day noise of a point or two (clinical reference 4), missed doses, missing diary
 *   days, side effects at 004's rates, and drop-out rising with time (004: many started
 *   titration without continuing).
 */
import { chance, normal, uniform, type Rng } from "./prng.ts";

export interface VirtualPatient {
  readonly index: number;
  readonly baselinePain: number;
  readonly responder: boolean;
  /** The hidden MED (0 for a non-responder). */
  readonly medUg: number;
  /** Pain reduction at the MED, in points. */
  readonly maxBenefit: number;
  /** Dose where benefit starts rising (the bottom of the window). */
  readonly onsetUg: number;
  /** True when benefit falls steeply above the MED, past zero (pain worse than before LDN). */
  readonly hormetic: boolean;
  /** Day-to-day SD of the pain rating (0 for the noise-free cohort). */
  readonly noiseSd: number;
  readonly giThresholdUg: number | null;
  /** Latest clock hour (minutes) of a dose this patient sleeps well with; null if no sleep effects. */
  readonly sleepLatestMinutes: number | null;
  readonly drowsyAboveMed: boolean;
}

/** Design settings of the virtual cohort (see the file comment for the sources they imitate). */
export const COHORT = {
  responderShare: 0.6, // design: between Bruun-Plesner's 44% and 004's all-responders sample
  medMedianUg: 1800, // design: 004's MEDs, most <= 2 mg, mean about 2.4 mg
  medLogSd: 0.7,
  medMinUg: 100, // 004: MEDs from 0.1 mg
  medMaxUg: 5600, // 004: MEDs up to 5.6 mg
  benefitMean: 2.8, // 004 Table 2: BPI pain improved 2.62 points on average
  benefitSd: 0.8,
  hormeticShare: 13 / 41, // 004: hormesis in 13 of 41 patients
  baselineMean: 6, // 004 Table 2: BPI pain before LDN 5.78 (SD 1.7)
  baselineSd: 1.3,
  noiseSdRange: [0.8, 1.6] as const, // clinical reference 4: ratings wander by a point or two
  noiseAutocorrelation: 0.3, // design: bad days come in runs
  giShare: 0.05, // 004: 1 of 41 upset stomach (more among the ineligible)
  sleepShare: 0.1, // 004: 4 of 41 difficulty sleeping or vivid dreams
  drowsyShare: 0.05, // 004: 2 of 41 drowsiness
  missedDoseRate: 0.05, // design: one dose in twenty days forgotten
  missingDiaryRate: 0.05, // design: one diary day in twenty not filled in
  dropoutBase: 0.001, // design: daily drop-out hazard at the start ...
  dropoutGrowth: 0.00003, // design: ... growing each day of titration (004: length and cost cause drop-out)
} as const;

/**
 * Draws one virtual patient. `noisy` false gives the noise-free twin (the same curve, exact ratings).
 *
 * @example drawPatient(createRng(deriveSeed(1, 0, 0)), 0, true)
 */
export function drawPatient(rng: Rng, index: number, noisy: boolean): VirtualPatient {
  const baselinePain = clamp(Math.round(COHORT.baselineMean + COHORT.baselineSd * normal(rng)), 4, 9);
  const responder = chance(rng, COHORT.responderShare);
  const rawMed = COHORT.medMedianUg * Math.exp(COHORT.medLogSd * normal(rng));
  const medUg = responder ? clamp(Math.round(rawMed / 100) * 100, COHORT.medMinUg, COHORT.medMaxUg) : 0;
  const maxBenefit = clamp(COHORT.benefitMean + COHORT.benefitSd * normal(rng), 1.5, baselinePain - 1);
  // The window opens somewhere between 30% and 80% of the MED (004 Figure 2: a rise to the apogee).
  const onsetUg = Math.floor((medUg * uniform(rng, 0.3, 0.8)) / 100) * 100;
  const hormetic = chance(rng, COHORT.hormeticShare);
  const noiseSd = noisy ? uniform(rng, COHORT.noiseSdRange[0], COHORT.noiseSdRange[1]) : 0;
  const gi = chance(rng, COHORT.giShare);
  const giThresholdUg = gi ? Math.round(uniform(rng, 300, 3000) / 100) * 100 : null;
  const sleep = chance(rng, COHORT.sleepShare);
  const sleepLatestMinutes = sleep ? [16 * 60, 14 * 60, 12 * 60][Math.floor(rng.next() * 3)]! : null;
  const drowsyAboveMed = responder && chance(rng, COHORT.drowsyShare);
  return {
    index,
    baselinePain,
    responder,
    medUg,
    maxBenefit,
    onsetUg,
    hormetic,
    noiseSd,
    giThresholdUg,
    sleepLatestMinutes,
    drowsyAboveMed,
  };
}

/**
 * The hidden pain reduction at a daily total: 0 below the window, rising in a line to the
 * maximum at the MED, then either a steep hormetic fall past zero (pain worse than before
 * LDN, as 004's patient at 1.0 mg) or a slow fade ("no additional improvement").
 *
 * @example benefitAt(patient, patient.medUg) === patient.maxBenefit
 */
export function benefitAt(p: VirtualPatient, ug: number): number {
  if (!p.responder || ug <= p.onsetUg) return 0;
  if (ug <= p.medUg) return (p.maxBenefit * (ug - p.onsetUg)) / (p.medUg - p.onsetUg);
  const above = ug - p.medUg;
  if (p.hormetic) {
    // Falls to 1 point worse than baseline over 40% of the MED (at least 0.3 mg): 004's 0.7 -> 1.0 mg.
    const span = Math.max(300, 0.4 * p.medUg);
    return Math.max(-2, p.maxBenefit - ((p.maxBenefit + 1) * above) / span);
  }
  return Math.max(0.4 * p.maxBenefit, p.maxBenefit * (1 - (0.3 * above) / p.medUg));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
