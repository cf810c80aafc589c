/**
 * Builds hand-made diaries for scenario tests: one entry per day from a start date, the
 * day's total split into the protocol's doses by 004's rule, so a scenario reads as
 * "two days at 0.7 mg with pain 3".
 */
import { addDays, type IsoDate } from "../../calendar-date.ts";
import { micrograms } from "../../dose.ts";
import type { DiaryDay, Impression, TakenDose } from "../../diary/diary-day.ts";
import type { SideEffect } from "../../diary/side-effects.ts";
import { splitDoses } from "../../protocols/split-doses.ts";

export interface DaySpec {
  /** The day's total taken (0 for none). */
  readonly ug: number;
  readonly pain: number;
  readonly sideEffects?: readonly SideEffect[];
  readonly mood?: number;
  readonly energy?: number;
  readonly clarity?: number;
  readonly impression?: Impression;
  /** The doses exactly as recorded, instead of the day's total split by 004's rule. */
  readonly doses?: readonly TakenDose[];
}

const FOUR_TIMES = ["08:00", "12:00", "16:00", "20:00"];

/**
 * @example buildDiary("2027-01-04", [{ ug: 100, pain: 7 }, { ug: 100, pain: 7 }])
 */
export function buildDiary(
  start: IsoDate,
  specs: readonly DaySpec[],
  times: readonly string[] = FOUR_TIMES,
  granularityUg = 100,
): DiaryDay[] {
  return specs.map((spec, i) => ({
    date: addDays(start, i),
    doses: spec.doses ?? (spec.ug === 0 ? [] : splitDoses(micrograms(spec.ug), times, granularityUg)),
    pain: spec.pain,
    sideEffects: spec.sideEffects ?? [],
    ...(spec.mood === undefined ? {} : { mood: spec.mood }),
    ...(spec.energy === undefined ? {} : { energy: spec.energy }),
    ...(spec.clarity === undefined ? {} : { clarity: spec.clarity }),
    ...(spec.impression === undefined ? {} : { impression: spec.impression }),
  }));
}

/**
 * Days at consecutive levels, `days` days each: levels(100, [7, 7, 6]) is 2 days at 0.1 mg
 * with pain 7, 2 at 0.2 mg with pain 7, 2 at 0.3 mg with pain 6.
 *
 * @example levels(100, [7, 7, 6])
 */
export function levels(fromUg: number, pains: readonly number[], stepUg = 100, days = 2): DaySpec[] {
  return pains.flatMap((pain, i) => Array.from({ length: days }, () => ({ ug: fromUg + i * stepUg, pain })));
}
