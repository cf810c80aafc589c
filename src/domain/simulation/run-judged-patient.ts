/**
 * One virtual patient on the judged bench (issue 11): the idealised patient who takes
 * exactly the doses the engine gives (in titration, the published schedule), never misses
 * a dose or a diary day, never drops out and has no side effects. The diary is read day by
 * day; the first time the engine says "med" or "maintenance", the dose it declares is the
 * decision. "stopped", or no decision by the day cap, means no MED.
 */
import type { IsoDate } from "../calendar-date.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../protocols/protocol.ts";
import type { Detector } from "../titration/detectors/detector.ts";
import { TitrationMachine, type TitrationPlan } from "../titration/titration-machine.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import type { Assessment, NextDoses, TitrationState } from "../titration/titration-state.ts";
import type { NoiseSettings } from "./ar1-noise.ts";
import { baselineDays } from "./baseline-days.ts";
import { createDiaryRater } from "./diary-rater.ts";
import type { Rng } from "./prng.ts";
import { MAX_SIMULATED_DAYS } from "./run-patient.ts";
import { benefitAt, type VirtualPatient } from "./virtual-patient.ts";

/** The part of the titration engine's public API the judged run uses. */
export interface JudgedEngine {
  readDay(entry: DiaryDay | undefined): void;
  next(): NextDoses;
  readonly currentState: TitrationState;
  assessment(): Pick<Assessment, "state" | "medUg" | "currentUg">;
}

/** Makes the engine for one patient; the real one unless a test stands in for it. */
export type EngineFactory = (plan: TitrationPlan) => JudgedEngine;

export interface JudgedSetup {
  readonly protocol: ProtocolDefinition;
  readonly settings: ResolvedSettings;
  readonly detector: Detector;
  readonly start: IsoDate;
  readonly noise: NoiseSettings;
  /** Diary days before the first dose (their pain ratings are the engine's baseline). */
  readonly baselineDays: number;
  readonly engine?: EngineFactory;
}

export interface JudgedOutcome {
  readonly responder: boolean;
  readonly trueMedUg: number;
  /** The first dose the engine declared as the MED (or working fixed dose), or null. */
  readonly declaredUg: number | null;
  /** Responders' score (`judgedScore`); null for a non-responder. */
  readonly score: number | null;
  readonly decision: "med" | "stopped" | "undecided";
  /** Days from the first dose to the decision; null when undecided by the day cap. */
  readonly daysToDecision: number | null;
}

const realEngine: EngineFactory = (plan) => new TitrationMachine(plan);

/**
 * @example runJudgedPatient(setup, drawPatient(createRng(deriveSeed(1, 0, 0)), 0, false), createRng(deriveSeed(1, 0, 2)))
 */
export function runJudgedPatient(setup: JudgedSetup, patient: VirtualPatient, rng: Rng): JudgedOutcome {
  const rater = createDiaryRater(patient, setup.noise, rng);
  const baseline = baselineDays(rater, setup.baselineDays);
  const engine = (setup.engine ?? realEngine)({
    protocol: setup.protocol,
    settings: setup.settings,
    start: setup.start,
    detector: setup.detector,
    ...baseline,
  });
  for (let day = 1; day <= MAX_SIMULATED_DAYS; day++) {
    const next = engine.next();
    const ratings = rater.rate(next.totalUg, next.totalUg);
    engine.readDay({ date: next.date, doses: next.doses, ...ratings, sideEffects: [] });
    const state = engine.currentState;
    if (state === "med" || state === "maintenance") {
      const a = engine.assessment();
      // A continuous protocol (ULDN) is in maintenance with no MED: its dose is the one kept.
      return judged(patient, a.medUg ?? a.currentUg, "med", day);
    }
    if (state === "stopped") return judged(patient, null, "stopped", day);
  }
  return judged(patient, null, "undecided", null);
}

/**
 * Issue 11's score for a responder: the latent benefit at the declared dose divided by the
 * benefit at the patient's true best dose (the hidden MED, where `benefitAt` peaks), 0 when
 * no MED was declared. It is not clamped at 0: a declared dose in a hormetic fall, where pain
 * is worse than before LDN, scores below 0, because sending a patient home on a harmful dose
 * is worse than declaring none. Null for a non-responder (judged by the MED share instead).
 *
 * @example judgedScore(patient, patient.medUg) // 1
 */
export function judgedScore(patient: VirtualPatient, declaredUg: number | null): number | null {
  if (!patient.responder) return null;
  return declaredUg === null ? 0 : benefitAt(patient, declaredUg) / patient.maxBenefit;
}

function judged(
  patient: VirtualPatient,
  declaredUg: number | null,
  decision: JudgedOutcome["decision"],
  daysToDecision: number | null,
): JudgedOutcome {
  return {
    responder: patient.responder,
    trueMedUg: patient.medUg,
    declaredUg,
    score: judgedScore(patient, declaredUg),
    decision,
    daysToDecision,
  };
}
