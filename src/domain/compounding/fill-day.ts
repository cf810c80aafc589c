/**
 * The input of every compounding plan: plain days, each with its doses. A schedule's
 * days (`ScheduleDay`) fit this shape, and so will the titration engine's recommended
 * days, so a refill can follow the patient's real path rather than the original plan.
 */
import { micrograms, type Micrograms } from "../dose.ts";
import { addDays, parseIsoDate, type IsoDate } from "../calendar-date.ts";
import { invalidDose, refused } from "../errors.ts";

/** One dose to take: a clock time and whole micrograms. */
export interface FillDose {
  readonly time: string;
  readonly ug: number;
}

/** One day of a fill period: its date and the doses of that day (none on a day off). */
export interface FillDay {
  readonly date: string;
  readonly doses: readonly FillDose[];
}

/** How often one dose amount is taken in a fill period. */
export interface DoseAmount {
  readonly ug: Micrograms;
  /** Number of doses of exactly this amount in the period. */
  readonly count: number;
}

/**
 * The distinct dose amounts of a fill period, smallest first, with how many times
 * each is taken. A compounding plan only depends on these, not on dates or times.
 *
 * @example doseAmounts([{ date: "2027-01-04", doses: [{ time: "08:00", ug: 200 }, { time: "12:00", ug: 100 }] }])
 * // [{ ug: 100, count: 1 }, { ug: 200, count: 1 }]
 */
export function doseAmounts(days: readonly FillDay[]): DoseAmount[] {
  const counts = new Map<number, number>();
  for (const day of days) {
    for (const dose of day.doses) {
      const ug = micrograms(dose.ug, `dose on ${day.date} at ${dose.time}`);
      if (ug === 0) {
        throw invalidDose(`dose on ${day.date} at ${dose.time}: a dose of 0 mcg`, {
          field: "ug",
          value: 0,
        });
      }
      counts.set(ug, (counts.get(ug) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    throw refused("the fill period has no doses: there is nothing to compound", {
      field: "days",
    });
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ug, count]) => ({ ug: micrograms(ug), count }));
}

/** First and last date and length of a fill period, checked to be consecutive days. */
export interface FillPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
}

/**
 * The period a list of days covers. The days must be consecutive dates in order, so
 * the cost per day and the printed calendar mean what they say.
 *
 * @example fillPeriod(schedule.days) // { start: "2027-01-04", end: "2027-01-31", days: 28 }
 */
export function fillPeriod(days: readonly FillDay[]): FillPeriod {
  if (days.length === 0) {
    throw refused("a fill period needs at least one day", { field: "days" });
  }
  const dates = days.map((d) => parseIsoDate(d.date, "date"));
  for (let i = 1; i < dates.length; i++) {
    const expected = addDays(dates[i - 1]!, 1);
    if (dates[i] !== expected) {
      throw refused(
        `the days of a fill must be consecutive: ${dates[i]} follows ${dates[i - 1]} (expected ${expected})`,
        { field: "date", value: dates[i] },
      );
    }
  }
  return { start: dates[0]!, end: dates.at(-1)!, days: dates.length };
}
