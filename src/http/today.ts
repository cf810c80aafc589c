/** Today's date for the clinic: the server's local calendar date (set TZ to the clinic's zone). */
import type { Clock } from "../app/ports/clock.ts";

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
