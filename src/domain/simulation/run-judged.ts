/**
 * The judged bench (issue 11): every protocol and detector asked for, on the same seeded
 * patients, once with rating noise (SD 1, autocorrelation 0.5 by default) and once
 * noise-free, each row checked against issue 11's goal for that condition and against the
 * `literal` detector on the same protocol ("on every protocol no worse than literal").
 */
import { getProtocol, protocolKey } from "../protocols/catalogue.ts";
import type { DetectorName } from "../titration/detectors/detector.ts";
import { NO_NOISE, type NoiseSettings } from "./ar1-noise.ts";
import { judgeDetector } from "./judge-detector.ts";
import {
  checkJudgedSettings,
  JUDGED_AUTOCORRELATION,
  JUDGED_BASELINE_DAYS,
  JUDGED_NOISE_SD,
} from "./judged-settings.ts";
import { meetsGoal, NOISE_FREE_GOAL, NOISY_GOAL, noWorseThan, type JudgingGoal } from "./judging-goals.ts";
import type { EngineFactory } from "./run-judged-patient.ts";
import type { Judgement } from "./summarise-judgement.ts";

export interface JudgedRunOptions {
  readonly seed: number;
  readonly patients: number;
  readonly protocols: readonly string[];
  readonly detectors: readonly DetectorName[];
  /** Noise SD of the noisy run, in rating points (default 1, issue 11). */
  readonly noiseSd?: number;
  /** Day-to-day autocorrelation of the noise (default 0.5, a design setting). */
  readonly autocorrelation?: number;
  /** Days before the first dose (default 3, issue 11). */
  readonly baselineDays?: number;
  /** Stands in for the titration engine (tests). */
  readonly engine?: EngineFactory;
  /** Called after each patient run, with runs done and runs in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface JudgedRow {
  readonly protocol: string;
  readonly protocolKey: string;
  readonly detector: DetectorName;
  readonly judgement: Judgement;
  /** True when the row reaches its cohort's goal. */
  readonly meetsGoal: boolean;
  /** Against `literal` on the same protocol and patients; null for `literal` itself or when it was not run. */
  readonly noWorseThanLiteral: boolean | null;
}

export interface JudgedCohort {
  readonly cohort: "noisy" | "noise-free";
  readonly noise: NoiseSettings;
  readonly goal: JudgingGoal;
  readonly rows: readonly JudgedRow[];
}

export interface JudgedResult {
  readonly seed: number;
  readonly patients: number;
  readonly responders: number;
  readonly baselineDays: number;
  /** True when the run's conditions are those issue 11 states its goals for (noise SD 1, 3 baseline days). */
  readonly goalConditions: boolean;
  readonly cohorts: readonly JudgedCohort[];
}

/**
 * @example runJudged({ seed: 1, patients: 2000, protocols: ["micro-titration"], detectors: ["literal", "robust"] })
 */
export function runJudged(options: JudgedRunOptions): JudgedResult {
  const noisy: NoiseSettings = {
    sd: options.noiseSd ?? JUDGED_NOISE_SD,
    autocorrelation: options.autocorrelation ?? JUDGED_AUTOCORRELATION,
  };
  const baselineDays = options.baselineDays ?? JUDGED_BASELINE_DAYS;
  checkJudgedSettings(noisy, baselineDays);
  for (const id of options.protocols) getProtocol(id);
  const total = 2 * options.patients * options.protocols.length * options.detectors.length;
  let done = 0;
  const onPatient = () => options.onProgress?.(++done, total);
  const judgeCohort = (cohort: JudgedCohort["cohort"], noise: NoiseSettings, goal: JudgingGoal) => {
    const judged = options.protocols.flatMap((protocol) =>
      options.detectors.map((detector) => ({
        protocol,
        detector,
        judgement: judgeDetector({ ...options, protocol, detector, noise, baselineDays, onPatient }),
      })),
    );
    return { cohort, noise, goal, rows: judged.map((j) => row(j, goal, judged)) };
  };
  const cohorts = [
    judgeCohort("noisy", noisy, NOISY_GOAL),
    judgeCohort("noise-free", NO_NOISE, NOISE_FREE_GOAL),
  ];
  return {
    seed: options.seed,
    patients: options.patients,
    responders: cohorts[0]!.rows[0]?.judgement.responders ?? 0,
    baselineDays,
    goalConditions: noisy.sd === JUDGED_NOISE_SD && baselineDays === JUDGED_BASELINE_DAYS,
    cohorts,
  };
}

interface Judged {
  readonly protocol: string;
  readonly detector: DetectorName;
  readonly judgement: Judgement;
}

function row(j: Judged, goal: JudgingGoal, all: readonly Judged[]): JudgedRow {
  const literal = all.find((o) => o.protocol === j.protocol && o.detector === "literal");
  return {
    protocol: j.protocol,
    protocolKey: protocolKey(getProtocol(j.protocol)),
    detector: j.detector,
    judgement: j.judgement,
    meetsGoal: meetsGoal(j.judgement, goal),
    noWorseThanLiteral:
      literal && j.detector !== "literal" ? noWorseThan(j.judgement, literal.judgement) : null,
  };
}
