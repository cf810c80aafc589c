/** `ldn schedule`: any protocol as a day-by-day schedule, as a table, JSON, CSV or iCalendar. */
import type { Command } from "commander";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { buildSchedule } from "../../domain/protocols/schedule.ts";
import { formatOption, parsePositiveInt, printJson } from "../output.ts";
import { scheduleCsv } from "../render/schedule-csv.ts";
import { scheduleIcs } from "../render/schedule-ics.ts";
import { scheduleJson } from "../render/schedule-json.ts";
import { scheduleTable } from "../render/schedule-table.ts";
import { parseSetting } from "./setting-option.ts";

interface ScheduleFlags {
  protocol: string;
  start: string;
  days?: number;
  times?: string;
  set: Record<string, string>;
  format: "table" | "json" | "csv" | "ics";
}

export function register(program: Command): void {
  program
    .command("schedule")
    .description("print a protocol as a day-by-day dose schedule")
    .requiredOption("--protocol <id>", "protocol id (see `ldn protocols`)")
    .requiredOption("--start <date>", "first day, YYYY-MM-DD")
    .option(
      "--days <n>",
      "number of days (default: the protocol's own length)",
      parsePositiveInt("--days", 3660),
    )
    .option("--times <list>", "dose times, comma-separated 24-hour HH:MM (a clinic setting)")
    .option("--set <key=value>", "override a protocol setting, e.g. dose=3mg (repeatable)", parseSetting, {})
    .addOption(formatOption(["table", "json", "csv", "ics"]))
    .addHelpText(
      "after",
      `
Examples:
  ldn schedule --protocol micro-titration --start 2027-01-04 --days 11
  ldn schedule --protocol fixed-standard --start 2027-01-04 --set dose=3mg --format json
  ldn schedule --protocol uldn-with-opioids --start 2027-01-04 --times 07:00,19:00 --format ics > ldn.ics`,
    )
    .action((flags: ScheduleFlags) => {
      const settings = { ...flags.set, ...(flags.times ? { times: flags.times } : {}) };
      const schedule = buildSchedule(getProtocol(flags.protocol), {
        start: flags.start,
        days: flags.days,
        settings,
      });
      if (flags.format === "json") printJson(scheduleJson(schedule));
      else if (flags.format === "csv") process.stdout.write(scheduleCsv(schedule));
      else if (flags.format === "ics") process.stdout.write(scheduleIcs(schedule, new Date()));
      else process.stdout.write(scheduleTable(schedule));
    });
}
