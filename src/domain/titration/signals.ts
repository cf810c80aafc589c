/**
 * The signals a diary day gives the engine. Pain is the primary one; mood, energy and
 * mental clarity are what patients also watch for as the window opens (004: "less
 * generalized pain, less hyperalgesia, and/or better mood, energy and mental clarity").
 * The three are pooled into one wellbeing score per day, their mean, so a patient who
 * rates only some of them still counts, and the pooled score is steadier than any one.
 */
import type { DiaryDay } from "../diary/diary-day.ts";

export interface DaySignals {
  readonly pain: number;
  /** Mean of the day's mood, energy and clarity (0-10, higher is better); null when none rated. */
  readonly wellbeing: number | null;
}

/**
 * @example daySignals({ pain: 6, mood: 4, energy: 5 }) // { pain: 6, wellbeing: 4.5 }
 */
export function daySignals(day: Pick<DiaryDay, "pain" | "mood" | "energy" | "clarity">): DaySignals {
  let sum = 0;
  let n = 0;
  for (const v of [day.mood, day.energy, day.clarity]) {
    if (v !== undefined) {
      sum += v;
      n += 1;
    }
  }
  return { pain: day.pain, wellbeing: n === 0 ? null : sum / n };
}
