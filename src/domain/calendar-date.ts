/**
 * Calendar dates as ISO strings ("2027-01-04"): the unit of a diary and a schedule.
 * A dose day is a civil date with no time zone, so arithmetic is done on UTC midnights,
 * where every day has 24 hours.
 */
import { DomainError } from "./errors.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** An ISO calendar date, checked to exist. */
export type IsoDate = string & { readonly __isoDate: true };

/**
 * Checks that `text` is a real calendar date written YYYY-MM-DD.
 *
 * @example parseIsoDate("2027-01-04", "start")
 */
export function parseIsoDate(text: string, field = "date"): IsoDate {
  const m = ISO_DATE.exec(text);
  const fail = (): never => {
    throw new DomainError(
      "invalid_date",
      `${field}: "${text}" is not a date; write YYYY-MM-DD, e.g. 2027-01-04`,
      {
        field,
        value: text,
      },
    );
  };
  if (!m) return fail();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) fail();
  return text as IsoDate;
}

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(toEpochMs(date) + n * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toEpochMs(to) - toEpochMs(from)) / MS_PER_DAY);
}

function toEpochMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Checks a 24-hour clock time "HH:MM".
 *
 * @example parseClockTime("08:00", "times")
 */
export function parseClockTime(text: string, field = "time"): string {
  if (!CLOCK_TIME.test(text)) {
    throw new DomainError(
      "invalid_argument",
      `${field}: "${text}" is not a time; write 24-hour HH:MM, e.g. 08:00`,
      {
        field,
        value: text,
      },
    );
  }
  return text;
}
