/**
 * The iCalendar form of a schedule for `ldn schedule --format ics` (the events themselves are
 * made in src/documents/dose-calendar.ts, shared with the patient's calendar feed). UIDs are
 * derived from the protocol, start date, date and time, so importing a revised schedule
 * updates events rather than duplicating them.
 */
import { doseCalendarIcs } from "../../documents/dose-calendar.ts";
import type { Schedule } from "../../domain/protocols/schedule.ts";

/** @example scheduleIcs(buildSchedule(protocol, { start: "2027-01-04" }), new Date()) // "BEGIN:VCALENDAR..." */
export function scheduleIcs(schedule: Schedule, stamp: Date): string {
  const { protocol } = schedule;
  return doseCalendarIcs({
    name: `LDN: ${protocol.name}`,
    protocolName: protocol.name,
    unit: protocol.unit,
    uidPrefix: `${protocol.id}-${schedule.start}`,
    days: schedule.days,
    stamp,
  });
}
