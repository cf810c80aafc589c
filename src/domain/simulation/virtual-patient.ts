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
 *   titration without continuing);
 * - mood, energy and mental clarity that rise with the benefit (004: in the window patients
 *   notice less pain "and/or better mood, energy and mental clarity"), and some responders
 *   whose pain barely moves, so the benefit shows mostly in those.
 *
 * The benefit is latent: a number of points per patient and dose. Ratings are made from it
 * by `diary-rater.ts`: pain falls by `painScale` points per point of benefit; mood, energy
 * and clarity rise by their own `risePerBenefit`.
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
  /** Pain points per point of latent benefit: 1, or about 0.2 for a responder whose pain barely moves. */
  readonly painScale: number;
  readonly mood: WellbeingTrait;
  readonly energy: WellbeingTrait;
  readonly clarity: WellbeingTrait;
}

/** How the latent benefit shows in a 0-10 rating where higher is better (mood, energy, clarity). */
export interface WellbeingTrait {
  /** The rating before LDN. */
  readonly baseline: number;
  /** Rating points gained per point of latent benefit. */
  readonly risePerBenefit: number;
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
  painBarelyMovesShare: 0.15, // design setting: responders whose benefit shows in mood, energy, clarity more than pain (issue 11)
  painBarelyMovesScale: [0.1, 0.3] as const, // design setting: their pain falls about 0.2 points per point of benefit
  wellbeingBaselineMean: 4.5, // design setting: mood, energy, clarity before LDN around 4-5 of 10 in chronic pain
  wellbeingBaselineSd: 1, // design setting
  wellbeingBaselineRange: [2, 7] as const, // design setting: room to rise and to fall on a 0-10 scale
  wellbeingRiseMean: 1, // design setting: about a point of mood, energy or clarity per point of benefit
  wellbeingRiseSd: 0.3, // design setting: the per-patient spread of that rise
  wellbeingRiseRange: [0.4, 1.6] as const, // design setting
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
  // Drawn for the noise-free twin too, so both twins draw every later trait alike.
  const drawnNoiseSd = uniform(rng, COHORT.noiseSdRange[0], COHORT.noiseSdRange[1]);
  const gi = chance(rng, COHORT.giShare);
  const giThresholdUg = gi ? Math.round(uniform(rng, 300, 3000) / 100) * 100 : null;
  const sleep = chance(rng, COHORT.sleepShare);
  const sleepLatestMinutes = sleep ? [16 * 60, 14 * 60, 12 * 60][Math.floor(rng.next() * 3)]! : null;
  const drowsyAboveMed = responder && chance(rng, COHORT.drowsyShare);
  const barelyMoves = chance(rng, COHORT.painBarelyMovesShare);
  const barelyScale = uniform(rng, COHORT.painBarelyMovesScale[0], COHORT.painBarelyMovesScale[1]);
  return {
    index,
    baselinePain,
    responder,
    medUg,
    maxBenefit,
    onsetUg,
    hormetic,
    noiseSd: noisy ? drawnNoiseSd : 0,
    giThresholdUg,
    sleepLatestMinutes,
    drowsyAboveMed,
    painScale: responder && barelyMoves ? barelyScale : 1,
    mood: drawWellbeing(rng),
    energy: drawWellbeing(rng),
    clarity: drawWellbeing(rng),
  };
}

function drawWellbeing(rng: Rng): WellbeingTrait {
  const [lo, hi] = COHORT.wellbeingBaselineRange;
  const [riseLo, riseHi] = COHORT.wellbeingRiseRange;
  return {
    baseline: clamp(COHORT.wellbeingBaselineMean + COHORT.wellbeingBaselineSd * normal(rng), lo, hi),
    risePerBenefit: clamp(COHORT.wellbeingRiseMean + COHORT.wellbeingRiseSd * normal(rng), riseLo, riseHi),
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
