/**
 * The CSV form of a schedule: one row per dose, for spreadsheets. Columns (stable):
 * day,date,total_ug,total,dose_number,time,ug,dose. Values never contain commas or quotes.
 */
import { formatDose } from "../../domain/dose.ts";
import type { Schedule } from "../../domain/protocols/schedule.ts";

export function scheduleCsv(schedule: Schedule): string {
  const show = (ug: number) => formatDose(ug, schedule.protocol.unit);
  const rows = ["day,date,total_ug,total,dose_number,time,ug,dose"];
  for (const d of schedule.days) {
    d.doses.forEach((x, i) => {
      rows.push([d.day, d.date, d.totalUg, show(d.totalUg), i + 1, x.time, x.ug, show(x.ug)].join(","));
    });
  }
  return rows.join("\r\n") + "\r\n";
}
