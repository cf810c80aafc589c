/**
 * The days a check-in, a dose tick or a plan's start may be dated: a window around the clinic's
 * today, and never before the patient's enrolment (less a short baseline). A diary dated
 * 9999-12-31 or 1900-01-01 is a slip or an attack, never a day the patient lived on LDN, and
 * once stored it would steer every date the engine, the dashboard and the chart compute.
 * None of these numbers is published: each is a clinic setting.
 */
import { addDays, daysBetween, type IsoDate } from "../../domain/calendar-date.ts";
import { invalidDate } from "../../domain/errors.ts";

export interface DiaryDateSettings {
  /** A check-in may be dated at most this many days before today: a missed stretch filled in later (clinic setting; 60). */
  readonly diaryDaysBack: number;
  /** ... and at most this many days after: a phone in a time zone ahead of the clinic's (clinic setting; 1). */
  readonly diaryDaysAhead: number;
  /**
   * Days before the patient's enrolment a check-in (pain before LDN, from a paper diary) or a
   * plan's start may be dated (clinic setting; 14). 0: never before the enrolment day.
   */
  readonly baselineDays: number;
  /** A plan may start at most this many days after today: at the next visit (clinic setting; 90). */
  readonly planStartDaysAhead: number;
}

export const DEFAULT_DATE_SETTINGS: DiaryDateSettings = Object.freeze({
  diaryDaysBack: 60,
  diaryDaysAhead: 1,
  baselineDays: 14,
  planStartDaysAhead: 90,
});

/** The first and last day allowed, each with why it is the limit. */
export interface DateWindow {
  readonly earliest: IsoDate;
  readonly earliestWhy: string;
  readonly latest: IsoDate;
  readonly latestWhy: string;
}

/** The diary's reach back from today. */
function diaryBack(today: IsoDate, s: DiaryDateSettings) {
  return {
    earliest: addDays(today, -s.diaryDaysBack),
    earliestWhy: `the diary reaches ${s.diaryDaysBack} days back from today, ${today} (clinic setting LDN_DIARY_DAYS_BACK)`,
  };
}

/** The diary's reach ahead of today: a day that has come, on the phone's clock. */
function diaryAhead(today: IsoDate, s: DiaryDateSettings) {
  return {
    latest: addDays(today, s.diaryDaysAhead),
    latestWhy:
      s.diaryDaysAhead === 0
        ? `today is ${today}: a check-in is for a day that has come`
        : `today is ${today}: a check-in is for a day that has come (at most ${s.diaryDaysAhead} day${s.diaryDaysAhead === 1 ? "" : "s"} ahead, for a phone in another time zone; clinic setting LDN_DIARY_DAYS_AHEAD)`,
  };
}

/** The earlier bound both windows share: the diary's reach back, and the enrolment less the baseline. */
function earliestOf(today: IsoDate, enrolledOn: IsoDate, s: DiaryDateSettings) {
  const back = diaryBack(today, s);
  const baseline = addDays(enrolledOn, -s.baselineDays);
  return daysBetween(back.earliest, baseline) > 0
    ? {
        earliest: baseline,
        earliestWhy:
          s.baselineDays === 0
            ? `the patient was enrolled on ${enrolledOn}`
            : `the patient was enrolled on ${enrolledOn}, and a baseline reaches ${s.baselineDays} days before that (clinic setting LDN_BASELINE_DAYS)`,
      }
    : back;
}

/**
 * The days a check-in (or a dose tick) may be for.
 *
 * @example diaryWindow("2027-01-10", "2027-01-02", DEFAULT_DATE_SETTINGS).earliest // "2026-12-19"
 */
export function diaryWindow(today: IsoDate, enrolledOn: IsoDate, s: DiaryDateSettings): DateWindow {
  return { ...earliestOf(today, enrolledOn, s), ...diaryAhead(today, s) };
}

/**
 * The days a page may be shown as of, given as `today` by a phone in another time zone or
 * a clinician looking back: the days a check-in may be for, whoever the patient.
 *
 * @example dayShownWindow("2027-01-10", DEFAULT_DATE_SETTINGS).latest // "2027-01-11"
 */
export function dayShownWindow(today: IsoDate, s: DiaryDateSettings): DateWindow {
  return { ...diaryBack(today, s), ...diaryAhead(today, s) };
}

/**
 * The days a plan may start on: every day of it must be one the diary can still reach.
 *
 * @example planStartWindow("2027-01-10", "2027-01-10", DEFAULT_DATE_SETTINGS).latest // "2027-04-10"
 */
export function planStartWindow(today: IsoDate, enrolledOn: IsoDate, s: DiaryDateSettings): DateWindow {
  return {
    ...earliestOf(today, enrolledOn, s),
    latest: addDays(today, s.planStartDaysAhead),
    latestWhy: `today is ${today}, and a plan starts at most ${s.planStartDaysAhead} days ahead (clinic setting LDN_PLAN_START_DAYS_AHEAD)`,
  };
}

/**
 * Refuses a date outside the window with `invalid_date` (422) naming the field and the limit.
 *
 * @example checkInWindow("9999-12-31", "checkIn.date", window) // throws: "... is after 2027-01-11 ..."
 */
export function checkInWindow(date: IsoDate, field: string, w: DateWindow): void {
  if (daysBetween(w.earliest, date) < 0)
    throw invalidDate(
      `${field}: ${date} is too early: the first day allowed is ${w.earliest}, as ${w.earliestWhy}`,
      { field, value: date },
    );
  if (daysBetween(date, w.latest) < 0)
    throw invalidDate(
      `${field}: ${date} is too late: the last day allowed is ${w.latest}, as ${w.latestWhy}`,
      { field, value: date },
    );
}
