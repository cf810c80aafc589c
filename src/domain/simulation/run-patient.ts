/**
 * Runs one virtual patient through one protocol and detector, day by day, with the same
 * state machine `ldn assess` replays: the patient takes tomorrow's doses (sometimes missing
 * one), rates pain, mood, energy and clarity around the hidden curve (`diary-rater.ts`),
 * reports side effects, sometimes skips the diary, and may drop out, until the engine
 * reaches a decision. `run-judged-patient.ts` is the idealised run issue 11 judges by.
 */
import { addDays, type IsoDate } from "../calendar-date.ts";
import { micrograms } from "../dose.ts";
import type { DiaryDay, TakenDose } from "../diary/diary-day.ts";
import type { SideEffect } from "../diary/side-effects.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../protocols/protocol.ts";
import type { Detector } from "../titration/detectors/detector.ts";
import { TitrationMachine } from "../titration/titration-machine.ts";
import type { NextDoses, TitrationState } from "../titration/titration-state.ts";
import type { FillDose } from "../compounding/fill-day.ts";
import { CapsuleCounter } from "./fill-capsules.ts";
import { baselineDays } from "./baseline-days.ts";
import { createDiaryRater } from "./diary-rater.ts";
import { chance, type Rng } from "./prng.ts";
import { benefitAt, COHORT, type VirtualPatient } from "./virtual-patient.ts";

/** Design setting: no titration in the bench runs longer than this; the patient is then counted as undecided. */
export const MAX_SIMULATED_DAYS = 400;

/** Design setting: baseline days recorded before the first dose (the issue: "a few"). */
export const BASELINE_DAYS = 3;

export interface PatientOutcome {
  readonly responder: boolean;
  readonly trueMedUg: number;
  /** The dose the engine settled on (MED or a working fixed dose), or null. */
  readonly foundUg: number | null;
  readonly state: TitrationState;
  readonly droppedOut: boolean;
  /** Days from the first dose to the decision (MED, maintenance or stop); null when undecided. */
  readonly daysToDecision: number | null;
  /**
   * Capsules the pharmacy makes for the days up to the decision or drop-out: the scheduled
   * doses planned in 28-day fills by the compounding planner (`fill-capsules.ts`).
   */
  readonly capsules: number;
  /** Benefit at the found dose as a share of the best achievable (responders with a decision). */
  readonly benefitShare: number | null;
  readonly hormesisFlagged: boolean;
}

export interface RunContext {
  readonly protocol: ProtocolDefinition;
  readonly settings: ResolvedSettings;
  readonly detector: Detector;
  readonly start: IsoDate;
  /** Shared across a cohort so identical fills are planned once (a new one when absent). */
  readonly capsules?: CapsuleCounter;
}

/**
 * Runs one patient: `rng` draws the day's events (drop-out, missed doses, side effects,
 * skipped diary days), `ratingsRng` the rating noise, so each has its own stream.
 *
 * @example runPatient(context, drawPatient(rng, 0, true), createRng(deriveSeed(1, 0, 1)), createRng(deriveSeed(1, 0, 2)))
 */
export function runPatient(
  ctx: RunContext,
  patient: VirtualPatient,
  rng: Rng,
  ratingsRng: Rng,
): PatientOutcome {
  const rater = createDiaryRater(
    patient,
    { sd: patient.noiseSd, autocorrelation: COHORT.noiseAutocorrelation },
    ratingsRng,
  );
  const machine = new TitrationMachine({ ...ctx, ...baselineDays(rater, BASELINE_DAYS) });
  const scheduled: (readonly FillDose[])[] = [];
  const counter = ctx.capsules ?? new CapsuleCounter();
  const capsules = () => counter.count(ctx.start, scheduled);
  let giDays = 0;
  let giSeen = false;
  for (let day = 0; day < MAX_SIMULATED_DAYS; day++) {
    const state = machine.currentState;
    if (isDecided(state)) return outcome(patient, machine, false, day, capsules());
    const hazard = COHORT.dropoutBase + COHORT.dropoutGrowth * day;
    if (chance(rng, hazard)) return outcome(patient, machine, true, day, capsules());
    const next = machine.next();
    scheduled.push(next.doses);
    const doses = takeDoses(next, rng);
    const taken = doses.reduce((a, d) => a + d.ug, 0);
    const effects: SideEffect[] = [];
    if (patient.giThresholdUg !== null && taken >= patient.giThresholdUg && (!giSeen || giDays > 0)) {
      // GI upset for 3 days the first time the threshold dose is reached, then tolerance.
      if (!giSeen) giDays = 3;
      giSeen = true;
      giDays -= 1;
      effects.push("gi-upset");
    }
    if (sleepUpset(patient, next) && chance(rng, 0.6)) effects.push("insomnia");
    if (patient.drowsyAboveMed && taken > patient.medUg && chance(rng, 0.7)) effects.push("drowsiness");
    const entry: DiaryDay = {
      date: addDays(ctx.start, day),
      doses,
      ...rater.rate(taken, next.totalUg),
      sideEffects: effects,
    };
    machine.readDay(chance(rng, COHORT.missingDiaryRate) ? undefined : entry);
  }
  return outcome(patient, machine, false, MAX_SIMULATED_DAYS, capsules());
}

function isDecided(state: TitrationState): boolean {
  return state === "med" || state === "maintenance" || state === "stopped";
}

function takeDoses(next: NextDoses, rng: Rng): TakenDose[] {
  const doses = next.doses.map((d) => ({ time: d.time, ug: micrograms(d.ug) }));
  if (doses.length > 0 && chance(rng, COHORT.missedDoseRate))
    doses.splice(Math.floor(rng.next() * doses.length), 1);
  return doses;
}

function sleepUpset(patient: VirtualPatient, next: NextDoses): boolean {
  if (patient.sleepLatestMinutes === null || next.doses.length === 0) return false;
  const last = next.doses.at(-1)!.time;
  return Number(last.slice(0, 2)) * 60 + Number(last.slice(3, 5)) > patient.sleepLatestMinutes;
}

function outcome(
  patient: VirtualPatient,
  machine: TitrationMachine,
  droppedOut: boolean,
  day: number,
  capsules: number,
): PatientOutcome {
  const a = machine.assessment();
  const decided = isDecided(a.state) && !droppedOut;
  const foundUg = decided && a.state !== "stopped" ? a.medUg : null;
  return {
    responder: patient.responder,
    trueMedUg: patient.medUg,
    foundUg,
    state: a.state,
    droppedOut,
    daysToDecision: decided ? day : null,
    capsules,
    benefitShare:
      patient.responder && foundUg !== null ? benefitAt(patient, foundUg) / patient.maxBenefit : null,
    hormesisFlagged: a.hormesis,
  };
}
