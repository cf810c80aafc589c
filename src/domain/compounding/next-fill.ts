/**
 * When a patient's next fill is needed: the day after the last fill dispensed runs out (or the
 * plan's first day, before any fill), and whether the pharmacy should make it now. The fill's
 * contents are not decided here: they are the engine's doses for the window (see refill.ts).
 */
import { addDays, daysBetween, parseIsoDate, type IsoDate } from "../calendar-date.ts";
import { invalidArgument } from "../errors.ts";
import { CLINIC_SETTING } from "../protocols/define.ts";

/** How the pharmacy fills: both numbers are clinic settings, not published facts. */
export interface FillSettings {
  /** Days one fill lasts. */
  readonly fillDays: number;
  /** A fill is due this many days before it is needed, so it can be compounded and collected. */
  readonly fillLeadDays: number;
}

/**
 * Clinic settings. 28 days is the 4-week fill the simulator uses (SIMULATED_FILL_DAYS, also a
 * clinic setting); 7 days' notice is a common compounding turnaround, chosen here as a default.
 */
export const DEFAULT_FILL_SETTINGS: FillSettings = Object.freeze({ fillDays: 28, fillLeadDays: 7 });

export const FILL_SETTING_NOTES = Object.freeze({
  fillDays: `${CLINIC_SETTING}: the days one fill lasts`,
  fillLeadDays: `${CLINIC_SETTING}: a fill is due this many days before the patient needs it`,
});

/** The longest fill or notice a clinic may set: a quarter's supply. */
export const MAX_FILL_DAYS = 90;

/**
 * overdue: the patient has been without capsules since `neededFrom`; due: needed within the
 * notice; upcoming: not yet.
 */
export type FillStatus = "overdue" | "due" | "upcoming";

/** A fill already dispensed, as far as the next one cares: the days it covers. */
export interface CoveredWindow {
  readonly start: string;
  readonly end: string;
}

export interface NextFillWindow {
  /** The first day the patient has no capsules for. */
  readonly neededFrom: IsoDate;
  /** The fill's first day: `neededFrom`, or today when that has passed (missed days are skipped). */
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
  readonly status: FillStatus;
  /** Days from today to `neededFrom`: negative when overdue. */
  readonly daysUntilNeeded: number;
}

/**
 * The next fill's window. Refills follow on: the next starts the day after the last dispensed
 * one ends; the first starts on the plan's first day.
 *
 * @example nextFillWindow({ planStart: "2027-01-04", dispensed: [{ start: "2027-01-04", end: "2027-01-31" }],
 *   today: "2027-01-26", settings: DEFAULT_FILL_SETTINGS })
 * // { neededFrom: "2027-02-01", start: "2027-02-01", end: "2027-02-28", days: 28, status: "due", daysUntilNeeded: 6 }
 */
export function nextFillWindow(input: {
  readonly planStart: string;
  readonly dispensed: readonly CoveredWindow[];
  readonly today: string;
  readonly settings: FillSettings;
}): NextFillWindow {
  const { settings } = input;
  checkFillSettings(settings);
  const today = parseIsoDate(input.today, "today");
  const planStart = parseIsoDate(input.planStart, "planStart");
  const lastEnd = input.dispensed
    .map((f) => parseIsoDate(f.end, "end"))
    .sort()
    .at(-1);
  const afterLast = lastEnd === undefined ? planStart : addDays(lastEnd, 1);
  // A new plan starting after the last fill runs out starts its own first fill.
  const neededFrom = afterLast < planStart ? planStart : afterLast;
  const daysUntilNeeded = daysBetween(today, neededFrom);
  const start = daysUntilNeeded < 0 ? today : neededFrom;
  const status: FillStatus =
    daysUntilNeeded < 0 ? "overdue" : daysUntilNeeded <= settings.fillLeadDays ? "due" : "upcoming";
  return {
    neededFrom,
    start,
    end: addDays(start, settings.fillDays - 1),
    days: settings.fillDays,
    status,
    daysUntilNeeded,
  };
}

/**
 * Refuses settings no pharmacy could fill by.
 *
 * @example checkFillSettings({ fillDays: 0, fillLeadDays: 7 }) // throws: fillDays
 */
export function checkFillSettings(settings: FillSettings): void {
  const whole = (n: number, min: number) => Number.isSafeInteger(n) && n >= min && n <= MAX_FILL_DAYS;
  if (!whole(settings.fillDays, 1))
    throw invalidArgument("fillDays", settings.fillDays, `a whole number of days from 1 to ${MAX_FILL_DAYS}`);
  if (!whole(settings.fillLeadDays, 0))
    throw invalidArgument(
      "fillLeadDays",
      settings.fillLeadDays,
      `a whole number of days from 0 to ${MAX_FILL_DAYS}`,
    );
}
