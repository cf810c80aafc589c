/**
 * A patient's whole diary as the engine reads it: baseline pain before the first dose,
 * then days in date order. Missing days are normal (nothing is invented for them) and
 * late entries are normal (the diary is sorted by date, whatever order entries arrived in).
 */
import { daysBetween, type IsoDate } from "../calendar-date.ts";
import type { DiaryDay } from "./diary-day.ts";
import { daySignals } from "../titration/signals.ts";

export interface Diary {
  /** Baseline pain ratings before the first dose: given directly and from diary days before the start. */
  readonly baselinePain: readonly number[];
  /** Baseline days' mood, energy and clarity, pooled per day (their mean), where rated. */
  readonly baselineWellbeing: readonly number[];
  /** Days from the start date on, one per date, in date order. */
  readonly days: readonly DiaryDay[];
  /** Dates entered more than once; the entry given last stands (a correction). */
  readonly corrected: readonly IsoDate[];
}

/**
 * Orders a diary by date, keeps the last entry for a date entered twice, and moves days
 * before `start` with no dose taken into the baseline.
 *
 * @example
 * organiseDiary("2027-01-04", [7, 6], days).baselinePain // [7, 6, ...pain of days before 2027-01-04]
 */
export function organiseDiary(
  start: IsoDate,
  baseline: readonly number[],
  entries: readonly DiaryDay[],
): Diary {
  const byDate = new Map<IsoDate, DiaryDay>();
  const corrected: IsoDate[] = [];
  for (const entry of entries) {
    if (byDate.has(entry.date)) corrected.push(entry.date);
    byDate.set(entry.date, entry);
  }
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const before = sorted.filter((d) => daysBetween(start, d.date) < 0 && d.doses.length === 0);
  return {
    baselinePain: [...baseline, ...before.map((d) => d.pain)],
    baselineWellbeing: before.flatMap((d) => {
      const w = daySignals(d).wellbeing;
      return w === null ? [] : [w];
    }),
    days: sorted.filter((d) => daysBetween(start, d.date) >= 0),
    corrected,
  };
}
