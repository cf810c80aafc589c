/** Today's date for the clinic: the server's local calendar date (set TZ to the clinic's zone). */
import type { Clock } from "../app/ports/clock.ts";
import { checkInWindow, dayShownWindow, type DiaryDateSettings } from "../app/use-cases/date-window.ts";
import { parseIsoDate, type IsoDate } from "../domain/calendar-date.ts";

/** @example todayIn({ now: () => new Date(2027, 0, 4, 9) }) // "2027-01-04" */
export function todayIn(clock: Clock): string {
  const d = clock.now();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The clinic's calendar date of an instant stored as ISO-8601 (an enrolment, say).
 *
 * @example localDateOf("2027-01-04T09:30:00.000Z") // "2027-01-04" (with TZ=UTC)
 */
export function localDateOf(instant: string): string {
  return todayIn({ now: () => new Date(instant) });
}

/**
 * The day a page is shown as of: the clinic's today, or the `today` a request gives (a phone
 * in another time zone, a clinician looking back) within the days the diary reaches. A day
 * years away is refused here, naming `today`, before the engine replays a plan up to it.
 *
 * @example dayShown("2027-01-09", clock, settings) // "2027-01-09" (the clinic's today 2027-01-10)
 */
export function dayShown(given: string | undefined, clock: Clock, settings: DiaryDateSettings): IsoDate {
  const today = parseIsoDate(todayIn(clock));
  if (given === undefined) return today;
  const day = parseIsoDate(given, "today");
  checkInWindow(day, "today", dayShownWindow(today, settings));
  return day;
}
