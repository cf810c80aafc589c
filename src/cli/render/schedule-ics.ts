/**
 * The iCalendar form of a schedule: one event per dose with a reminder at its time,
 * for a phone's calendar. Times are "floating" (no time zone): a dose at 08:00 stays
 * at 08:00 wherever the patient is. UIDs are derived from the protocol, date and time,
 * so importing a revised schedule updates events rather than duplicating them.
 */
import ical, { ICalAlarmType } from "ical-generator";
import { formatDose } from "../../domain/dose.ts";
import type { Schedule } from "../../domain/protocols/schedule.ts";

/** Minutes an event lasts in the calendar: a clinic setting, just long enough to see. */
const EVENT_MINUTES = 5;

export function scheduleIcs(schedule: Schedule, stamp: Date): string {
  const { protocol } = schedule;
  const calendar = ical({
    name: `LDN: ${protocol.name}`,
    prodId: { company: "ldn", product: "schedule", language: "EN" },
  });
  for (const d of schedule.days) {
    d.doses.forEach((dose, i) => {
      const start = floating(d.date, dose.time);
      calendar.createEvent({
        id: `${protocol.id}-${schedule.start}-${d.date}-${dose.time.replace(":", "")}@ldn`,
        start,
        end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
        floating: true,
        stamp,
        summary: `Naltrexone ${formatDose(dose.ug, protocol.unit)} (dose ${i + 1} of ${d.doses.length})`,
        description:
          `${protocol.name}, day ${d.day}: ${formatDose(d.totalUg, protocol.unit)} today in ` +
          `${d.doses.length} dose${d.doses.length === 1 ? "" : "s"}.`,
        alarms: [
          {
            type: ICalAlarmType.display,
            trigger: 0,
            description: `Take naltrexone ${formatDose(dose.ug, protocol.unit)}`,
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
