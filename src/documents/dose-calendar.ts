/**
 * The iCalendar form of a run of dose days: one event per dose with a reminder at its time,
 * for a phone's calendar. Shared by `ldn schedule --format ics` and a patient's private
 * calendar feed. Times are "floating" (no time zone): a dose at 08:00 stays at 08:00 wherever
 * the patient is. UIDs are derived from `uidPrefix`, the date and the time, so a calendar that
 * fetches the feed again (or imports a revised schedule) updates events rather than duplicating them.
 */
import ical, { ICalAlarmType } from "ical-generator";
import { formatDose, type DoseUnit } from "../domain/dose.ts";
import type { ScheduledDose } from "../domain/protocols/split-doses.ts";

/** Minutes an event lasts in the calendar: a clinic setting, just long enough to see. */
const EVENT_MINUTES = 5;

export interface CalendarDay {
  /** The plan's day number, 1 on its start date. */
  readonly day: number;
  readonly date: string;
  readonly totalUg: number;
  readonly doses: readonly ScheduledDose[];
}

export interface DoseCalendar {
  /** The calendar's name as the phone lists it. */
  readonly name: string;
  /** The protocol's name, said in each event's description. */
  readonly protocolName: string;
  readonly unit: DoseUnit;
  /** Makes each event's UID: the same prefix, date and time is the same event. */
  readonly uidPrefix: string;
  readonly days: readonly CalendarDay[];
  /** When the calendar was made (DTSTAMP). */
  readonly stamp: Date;
  /** How often a subscribing calendar should fetch again, in minutes (feeds only). */
  readonly refreshMinutes?: number;
}

/**
 * @example
 * doseCalendarIcs({ name: "LDN", protocolName: "Micro-titration", unit: "mg", uidPrefix: "p1",
 *   days: [{ day: 1, date: "2027-01-04", totalUg: 100, doses: [{ time: "08:00", ug: 100 }] }],
 *   stamp: new Date() }) // "BEGIN:VCALENDAR ... SUMMARY:Naltrexone 0.1 mg (dose 1 of 1) ..."
 */
export function doseCalendarIcs(input: DoseCalendar): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: "ldn", product: "schedule", language: "EN" },
    ...(input.refreshMinutes ? { ttl: input.refreshMinutes * 60 } : {}),
  });
  for (const d of input.days) {
    d.doses.forEach((dose, i) => {
      const start = floating(d.date, dose.time);
      calendar.createEvent({
        id: `${input.uidPrefix}-${d.date}-${dose.time.replace(":", "")}@ldn`,
        start,
        end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
        floating: true,
        stamp: input.stamp,
        summary: `Naltrexone ${formatDose(dose.ug, input.unit)} (dose ${i + 1} of ${d.doses.length})`,
        description:
          `${input.protocolName}, day ${d.day}: ${formatDose(d.totalUg, input.unit)} today in ` +
          `${d.doses.length} dose${d.doses.length === 1 ? "" : "s"}.`,
        alarms: [
          {
            type: ICalAlarmType.display,
            trigger: 0,
            description: `Take naltrexone ${formatDose(dose.ug, input.unit)}`,
          },
        ],
      });
    });
  }
  return calendar.toString();
}

/** A Date whose UTC fields are the local wall-clock date and time (ical-generator writes them as floating). */
function floating(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}
