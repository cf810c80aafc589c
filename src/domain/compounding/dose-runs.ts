/**
 * Runs of consecutive days with the same doses at the same times: the directions on a
 * pharmacy order ("days 1-2: 0.1 mg at 08:00"), short however long the fill.
 */
import type { FillDay, FillDose } from "./fill-day.ts";

export interface DoseRun {
  readonly firstDate: string;
  readonly lastDate: string;
  /** Position of the first and last day within the fill, from 1. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly doses: readonly FillDose[];
}

/**
 * Groups consecutive days whose doses are identical (same times, same amounts).
 *
 * @example doseRuns(microTitrationDays.slice(0, 4))
 * // [{ firstDay: 1, lastDay: 2, doses: [0.1 mg at 08:00] }, { firstDay: 3, lastDay: 4, doses: [...two doses] }]
 */
export function doseRuns(days: readonly FillDay[]): DoseRun[] {
  const runs: DoseRun[] = [];
  days.forEach((day, i) => {
    const last = runs.at(-1);
    if (last && sameDoses(last.doses, day.doses)) {
      runs[runs.length - 1] = { ...last, lastDate: day.date, lastDay: i + 1 };
    } else {
      runs.push({
        firstDate: day.date,
        lastDate: day.date,
        firstDay: i + 1,
        lastDay: i + 1,
        doses: day.doses,
      });
    }
  });
  return runs;
}

function sameDoses(a: readonly FillDose[], b: readonly FillDose[]): boolean {
  return a.length === b.length && a.every((d, i) => d.time === b[i]!.time && d.ug === b[i]!.ug);
}
