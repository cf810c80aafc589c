/**
 * Assessing a titration as of a date: replays the diary and the clinician's decisions
 * through the state machine from the first day. The same inputs give the same answer for
 * any `asOf`, and days after `asOf` (or decisions dated after it) are never read.
 */
import { addDays, daysBetween, nextDay, type IsoDate } from "../calendar-date.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import { organiseDiary } from "../diary/diary.ts";
import { invalidArgument } from "../errors.ts";
import type { ProtocolDefinition } from "../protocols/protocol.ts";
import { MAX_SCHEDULE_DAYS } from "../protocols/schedule.ts";
import { resolveSettings, type SettingOverrides } from "../protocols/settings.ts";
import type { ClinicianDecision } from "./decisions.ts";
import { chooseDetector } from "./detectors/choose-detector.ts";
import type { Detector, DetectorName } from "./detectors/detector.ts";
import { TitrationMachine } from "./titration-machine.ts";
import type { Assessment } from "./titration-state.ts";

export interface TitrationInput {
  readonly protocol: ProtocolDefinition;
  readonly settings?: SettingOverrides;
  /** The day of the first dose. */
  readonly start: IsoDate;
  /** Pain ratings before the first dose (diary days before `start` are added to them). */
  readonly baseline?: readonly number[];
  readonly days: readonly DiaryDay[];
  readonly decisions?: readonly ClinicianDecision[];
  /** The last day to read; the latest diary date when absent. */
  readonly asOf?: IsoDate;
  readonly detector: Detector | DetectorName;
  /** The opioids recorded at screening (none when absent): the engine alerts while titrating on them. */
  readonly opioids?: OpioidsAtScreening;
}

/** What the engine needs of the patient's opioids: their names and the total MME a day. */
export interface OpioidsAtScreening {
  readonly names: readonly string[];
  readonly mmePerDay: number;
}

/**
 * @example
 * assessTitration({ protocol: getProtocol("micro-titration"), start: "2027-01-04", baseline: [7, 6, 7],
 *   days, detector: "robust" }) // { state: "window", medUg: null, next: { totalUg: 800, ... }, reasons: [...] }
 */
export function assessTitration(input: TitrationInput): Assessment {
  const diary = organiseDiary(input.start, input.baseline ?? [], input.days);
  const asOf = input.asOf ?? diary.days.at(-1)?.date ?? addDays(input.start, -1);
  const length = daysBetween(input.start, asOf) + 1;
  if (length > MAX_SCHEDULE_DAYS) {
    throw invalidArgument("asOf", asOf, `must be within ${MAX_SCHEDULE_DAYS} days of the start`);
  }
  const machine = new TitrationMachine({
    protocol: input.protocol,
    settings: resolveSettings(input.protocol, input.settings),
    start: input.start,
    detector: typeof input.detector === "string" ? chooseDetector(input.detector) : input.detector,
    baselinePain: diary.baselinePain,
    baselineWellbeing: diary.baselineWellbeing,
    ...(input.opioids ? { opioids: input.opioids } : {}),
  });
  const entries = new Map(diary.days.map((d) => [d.date as string, d]));
  const decisions = [...(input.decisions ?? [])].sort((a, b) => daysBetween(b.date, a.date));
  let d = 0;
  // ISO dates compare as strings; decisions are sorted by date.
  const decideThrough = (date: IsoDate) => {
    while (d < decisions.length && decisions[d]!.date <= date) machine.decide(decisions[d++]!);
  };
  let date = addDays(input.start, -1);
  decideThrough(date);
  for (let day = 0; day < length; day++) {
    date = nextDay(date);
    machine.readDay(entries.get(date));
    decideThrough(date);
  }
  return machine.assessment();
}
