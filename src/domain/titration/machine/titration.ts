/**
 * One titration as the machine's modules share it: the plan and the rules it runs by (fixed
 * for the whole titration), the evidence read so far, the state that moves, and the journal
 * of reasons and alerts. Each module (ascending, fixed, med, side effects, dose checks,
 * decisions) is a set of functions over this record, so each can be read on its own.
 */
import { addDays, type IsoDate } from "../../calendar-date.ts";
import { formatDose, type DoseUnit } from "../../dose.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../../protocols/protocol.ts";
import type { OpioidsAtScreening } from "../assess-titration.ts";
import { baselineOf, type Baseline, type Detector } from "../detectors/detector.ts";
import type { SignalName } from "../detectors/signal-series.ts";
import { LevelStats } from "../level-stats.ts";
import { rulesFor, type ProtocolRules } from "../protocol-rules.ts";
import type { SleepStep } from "../sleep-times.ts";
import type { TitrationState } from "../titration-state.ts";
import { Journal } from "./journal.ts";

export interface TitrationPlan {
  readonly protocol: ProtocolDefinition;
  readonly settings: ResolvedSettings;
  /** The day of the first dose. */
  readonly start: IsoDate;
  readonly detector: Detector;
  /** Pain ratings before the first dose. */
  readonly baselinePain: readonly number[];
  /** Wellbeing scores (mean of mood, energy, clarity) of the baseline days that rated them. */
  readonly baselineWellbeing?: readonly number[];
  /** The opioids recorded at screening, if any. */
  readonly opioids?: OpioidsAtScreening;
}

export type PauseCause = "gi" | "agitation" | "withdrawal" | "clinician";

export interface Consolidation {
  /** Doses a day before the trial now running. */
  readonly from: number;
  days: number;
  painSum: number;
  /** Mean pain at the MED with the dose count it was found at. */
  reference: number | null;
}

/** Everything that moves as days are read. */
export interface MachineState {
  state: TitrationState;
  /** The state a pause or stop returns to. */
  resumeTo: TitrationState;
  pauseCause: PauseCause | null;
  /** The day number the current pause began. */
  pausedOnDay: number;
  giClearDays: number;
  /** Levels completed, in the order tried. */
  path: number[];
  window: { index: number; ug: number; signal?: SignalName } | null;
  medUg: number | null;
  hormesis: boolean;
  /** Where the doses are heading (a level, the MED, a clinician's dose). */
  targetUg: number;
  /** The intended daily total of the last day that counted. */
  currentUg: number;
  /** Counted days at `currentUg` since it became the current level (the protocol's pace). */
  daysAtLevel: number;
  /** The current level has had its days and the titration has moved on from it. */
  levelDone: boolean;
  doseCount: number;
  sleep: { step: SleepStep; changedDay: number; reviewAsked: boolean };
  /** Days read so far. */
  day: number;
  /** The date of the last day read (kept as days are read: dates are costly to compute). */
  date: IsoDate;
  adjustPhase: "fixed" | "up" | "down";
  consolidation: Consolidation | null;
  /** Days in a row with side effects at one dose (fixed protocols' tolerability rule). */
  sideEffectRun: { ug: number; days: number };
  decidedOn: IsoDate | null;
  /** Diary days in a row that recorded no dose taken. */
  undosedDays: number;
  /** Days in a row with no diary entry. */
  silentDays: number;
  /** The MED's reference pain for the fading-effect check (mean of the days that set it). */
  medReference: { mean: number; n: number } | null;
  /** Pain of the days at the MED since it was set, newest last. */
  medDays: number[];
  fadeFlagged: boolean;
  noBaselineNoted: boolean;
}

export interface Titration {
  readonly plan: TitrationPlan;
  readonly rules: ProtocolRules;
  /** The plan's detector as it applies to this protocol's rules. */
  readonly detector: Detector;
  readonly granularityUg: number;
  readonly stats: LevelStats;
  readonly baselineDays: Baseline | null;
  readonly journal: Journal;
  readonly s: MachineState;
}

/**
 * @example createTitration(plan).s.state // "titrating"
 */
export function createTitration(plan: TitrationPlan): Titration {
  const rules = rulesFor(plan.protocol, plan.settings);
  const targetUg = rules.kind === "ascending" ? rules.startUg : rules.doseUg;
  const state: TitrationState = rules.kind === "continuous" ? "maintenance" : "titrating";
  return {
    plan,
    rules,
    detector: plan.detector.forProtocol?.(rules) ?? plan.detector,
    granularityUg: plan.protocol.regimen(plan.settings).granularityUg,
    stats: new LevelStats(),
    baselineDays: plan.baselinePain.length
      ? baselineOf(plan.baselinePain, plan.baselineWellbeing ?? [])
      : null,
    journal: new Journal(),
    s: {
      state,
      resumeTo: "titrating",
      pauseCause: null,
      pausedOnDay: 0,
      giClearDays: 0,
      path: [],
      window: null,
      medUg: null,
      hormesis: false,
      targetUg,
      currentUg: 0,
      daysAtLevel: 0,
      levelDone: false,
      doseCount: plan.settings.times.length,
      sleep: { step: 0, changedDay: Number.NEGATIVE_INFINITY, reviewAsked: false },
      day: 0,
      date: addDays(plan.start, -1),
      adjustPhase: "fixed",
      consolidation: null,
      sideEffectRun: { ug: 0, days: 0 },
      decidedOn: null,
      undosedDays: 0,
      silentDays: 0,
      medReference: null,
      medDays: [],
      fadeFlagged: false,
      noBaselineNoted: false,
    },
  };
}

/** The date of the last day read (the day before the start before any). */
export function lastDate(t: Titration): IsoDate {
  return t.s.date;
}

export function unitOf(t: Titration): DoseUnit {
  return t.plan.protocol.unit;
}

/** A dose in the protocol's unit, ISMP style. */
export function show(t: Titration, ug: number): string {
  return formatDose(ug, t.plan.protocol.unit);
}

/** The baseline days, or the first level's days standing in for them when none were recorded. */
export function baselineFor(t: Titration): Baseline {
  if (t.baselineDays) return t.baselineDays;
  const first = t.stats.visited()[0];
  const level = first === undefined ? undefined : t.stats.summary(first);
  if (!level) return { mean: 10, days: 0, ss: 0, pains: [], wellbeing: [] };
  const ss = t.stats.withinLevelScatter([level.ug]).ss;
  return { mean: level.meanPain, days: level.n, ss, pains: [], wellbeing: [] };
}

/** Stops the titration (no response, or a clinician). */
export function stop(t: Titration, date: IsoDate, text: string, values?: Record<string, number>): void {
  const s = t.s;
  if (s.state !== "stopped") s.resumeTo = s.state === "paused" ? s.resumeTo : s.state;
  s.state = "stopped";
  s.decidedOn ??= date;
  t.journal.event("stop", date, text, values);
  t.journal.clearNote();
}

/** Holds the current dose until the cause clears or a clinician resumes. */
export function pause(t: Titration, cause: PauseCause, date: IsoDate, text: string): void {
  const s = t.s;
  if (s.state !== "paused") {
    s.resumeTo = s.state;
    s.pausedOnDay = s.day;
  }
  s.state = "paused";
  s.pauseCause = cause;
  s.giClearDays = 0;
  s.targetUg = s.currentUg || s.targetUg;
  t.journal.event("pause", date, text);
  t.journal.clearNote();
}

/** Moves to a new level (the protocol's pace counts from here). */
export function aimAt(t: Titration, ug: number): void {
  if (ug !== t.s.targetUg) t.s.targetUg = ug;
}
