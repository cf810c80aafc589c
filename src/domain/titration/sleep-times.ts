/**
 * Moving doses earlier for sleep problems (004): the last dose no later than 4 PM; if the
 * problem persists, earlier still; if needed, all of the day's LDN in the morning on waking
 * (two study patients took all of it by noon).
 */
import { SLEEP_FIRST_CUTOFF, SLEEP_MORNING_CUTOFF, SLEEP_SECOND_CUTOFF } from "./thresholds.ts";

/** 0: the plan's times; 1: last dose by 4 PM; 2: earlier; 3: all in the morning. */
export type SleepStep = 0 | 1 | 2 | 3;

export const SLEEP_STEP_TEXT: Readonly<Record<SleepStep, string>> = {
  0: "the plan's dose times",
  1: `last dose no later than ${SLEEP_FIRST_CUTOFF} (004)`,
  2: `last dose earlier, by ${SLEEP_SECOND_CUTOFF} (004: "earlier"; the hour is a clinic setting)`,
  3: `all of the day's LDN in the morning, by ${SLEEP_MORNING_CUTOFF} (004)`,
};

/** Clinic setting: the waking hour used when the plan's first dose is not in the morning. */
const DEFAULT_WAKING = "08:00";

/**
 * The dose times for `count` doses at a sleep step, from the plan's times.
 *
 * @example sleepTimes(["08:00", "12:00", "16:00", "20:00"], 4, 1) // ["08:00", "10:40", "13:20", "16:00"]
 * @example sleepTimes(["21:00"], 1, 1) // ["16:00"]
 */
export function sleepTimes(planTimes: readonly string[], count: number, step: SleepStep): string[] {
  const base = planTimes.slice(0, count);
  if (step === 0) return base;
  const cutoff = toMinutes(
    step === 1 ? SLEEP_FIRST_CUTOFF : step === 2 ? SLEEP_SECOND_CUTOFF : SLEEP_MORNING_CUTOFF,
  );
  const first = toMinutes(base[0] ?? DEFAULT_WAKING);
  if (base.every((t) => toMinutes(t) <= cutoff) && step < 3) return base;
  const waking = first < cutoff ? first : toMinutes(DEFAULT_WAKING);
  if (count === 1) return [toClock(step === 3 ? waking : Math.min(first, cutoff))];
  // Spread the doses evenly from waking to the cutoff, on 5-minute marks.
  const gap = Math.floor((cutoff - waking) / (count - 1) / 5) * 5;
  return Array.from({ length: count }, (_, i) => toClock(waking + i * gap));
}

function toMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
