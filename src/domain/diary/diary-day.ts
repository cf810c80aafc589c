/**
 * One day of a patient's diary: what was actually taken, and how the day went.
 * Missed doses are data (the doses list says what was taken, not what was planned).
 */
import type { IsoDate } from "../calendar-date.ts";
import type { Micrograms } from "../dose.ts";
import type { SideEffect } from "./side-effects.ts";

/** A dose actually taken: the clock time and the micrograms. */
export interface TakenDose {
  readonly time: string;
  readonly ug: Micrograms;
}

/** The patient's own impression against the previous dose level. */
export type Impression = "better" | "same" | "worse";

export const IMPRESSIONS: readonly Impression[] = ["better", "same", "worse"];

export interface DiaryDay {
  readonly date: IsoDate;
  /** Doses actually taken that day; an empty list is a day with none taken. */
  readonly doses: readonly TakenDose[];
  /** Average pain over the last 24 hours, 0-10 numeric rating (LOINC 72514-3). */
  readonly pain: number;
  readonly mood?: number;
  readonly energy?: number;
  readonly clarity?: number;
  readonly sideEffects: readonly SideEffect[];
  readonly impression?: Impression;
  readonly note?: string;
}

/**
 * The day's total actually taken, in micrograms.
 *
 * @example takenUg({ doses: [{ time: "08:00", ug: 200 }, { time: "12:00", ug: 100 }] }) // 300
 */
export function takenUg(day: Pick<DiaryDay, "doses">): number {
  let sum = 0;
  for (const dose of day.doses) sum += dose.ug;
  return sum;
}
