/** The human form of a schedule: a heading naming the protocol and its source, then a row a day. */
import { formatDose } from "../../domain/dose.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import type { Schedule } from "../../domain/protocols/schedule.ts";
import { describeSettings } from "./settings-text.ts";
import { textTable } from "./text-table.ts";

export function scheduleTable(schedule: Schedule): string {
  const { protocol, settings } = schedule;
  const show = (ug: number) => formatDose(ug, protocol.unit);
  const heading =
    `${protocol.name} (${protocolKey(protocol)}), from ${schedule.start}\n` +
    `Source: ${protocol.source.doc}, ${protocol.source.citation}\n` +
    describeSettings(protocol, settings) +
    "\n";
  const rows = schedule.days.map((d) => [
    String(d.day),
    d.date,
    show(d.totalUg),
    ...settings.times.map((t) => {
      const dose = d.doses.find((x) => x.time === t);
      return dose ? show(dose.ug) : "-";
    }),
  ]);
  return heading + textTable(["Day", "Date", "Total", ...settings.times], rows);
}
