/**
 * Judges one protocol and detector as issue 11 asks: a seeded virtual cohort of idealised
 * patients (`run-judged-patient.ts`) with the given rating noise, summarised as the mean
 * score over responders and the share of non-responders given a MED.
 */
import { invalidArgument } from "../errors.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { resolveSettings } from "../protocols/settings.ts";
import { chooseDetector } from "../titration/detectors/choose-detector.ts";
import type { DetectorName } from "../titration/detectors/detector.ts";
import type { NoiseSettings } from "./ar1-noise.ts";
import { checkJudgedSettings, JUDGED_BASELINE_DAYS, JUDGED_NOISE } from "./judged-settings.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { runJudgedPatient, type EngineFactory, type JudgedOutcome } from "./run-judged-patient.ts";
import { BENCH_START } from "./run-simulation.ts";
import { summariseJudgement, type Judgement } from "./summarise-judgement.ts";
import { drawPatient } from "./virtual-patient.ts";

/** The patient's stream of rating noise (stream 0 draws the patient, as on the realistic bench). */
const RATINGS_STREAM = 2;

export interface JudgeOptions {
  /** A protocol id from the catalogue. */
  readonly protocol: string;
  readonly detector: DetectorName;
  readonly seed: number;
  readonly patients: number;
  /** Rating noise; issue 11's noisy condition (SD 1, autocorrelation 0.5) when absent. */
  readonly noise?: NoiseSettings;
  /** Days before the first dose; 3 (issue 11) when absent. */
  readonly baselineDays?: number;
  /** Stands in for the titration engine (tests); the real one when absent. */
  readonly engine?: EngineFactory;
  /** Called after each patient. */
  readonly onPatient?: () => void;
}

/**
 * @example judgeDetector({ protocol: "micro-titration", detector: "robust", seed: 1, patients: 2000 }).score // 0.6
 */
export function judgeDetector(options: JudgeOptions): Judgement {
  return summariseJudgement(judgePatients(options));
}

/**
 * Every patient's judged outcome, in cohort order.
 *
 * @example judgePatients({ protocol: "micro-titration", detector: "literal", seed: 1, patients: 10 })[0].declaredUg
 */
export function judgePatients(options: JudgeOptions): JudgedOutcome[] {
  const noise = options.noise ?? JUDGED_NOISE;
  const baselineDays = options.baselineDays ?? JUDGED_BASELINE_DAYS;
  if (!Number.isSafeInteger(options.patients) || options.patients < 1) {
    throw invalidArgument("patients", options.patients, "must be a whole number above 0");
  }
  checkJudgedSettings(noise, baselineDays);
  const protocol = getProtocol(options.protocol);
  const setup = {
    protocol,
    settings: resolveSettings(protocol),
    detector: chooseDetector(options.detector),
    start: BENCH_START,
    noise,
    baselineDays,
    engine: options.engine,
  };
  const outcomes: JudgedOutcome[] = [];
  for (let i = 0; i < options.patients; i++) {
    // The same patients as the realistic bench's cohort of this seed; the noise is the judge's.
    const patient = drawPatient(createRng(deriveSeed(options.seed, i, 0)), i, false);
    const ratings = createRng(deriveSeed(options.seed, i, RATINGS_STREAM));
    outcomes.push(runJudgedPatient(setup, patient, ratings));
    options.onPatient?.();
  }
  return outcomes;
}
