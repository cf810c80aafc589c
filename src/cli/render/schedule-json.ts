/**
 * The JSON form of a schedule: a stable contract other programs read (README,
 * "JSON output"). Keys are only ever added, never renamed or removed.
 */
import { formatDose } from "../../domain/dose.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import type { Schedule } from "../../domain/protocols/schedule.ts";

export function scheduleJson(schedule: Schedule) {
  const { protocol } = schedule;
  const show = (ug: number) => formatDose(ug, protocol.unit);
  return {
    protocol: {
      id: protocol.id,
      version: protocol.version,
      key: protocolKey(protocol),
      name: protocol.name,
      unit: protocol.unit,
      source: protocol.source,
    },
    start: schedule.start,
    settings: { ...schedule.settings.doses, ...schedule.settings.integers, times: schedule.settings.times },
    days: schedule.days.map((d) => ({
      day: d.day,
      date: d.date,
      totalUg: d.totalUg,
      total: show(d.totalUg),
      doses: d.doses.map((x) => ({ time: x.time, ug: x.ug, dose: show(x.ug) })),
    })),
  };
}
