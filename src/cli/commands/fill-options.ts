/**
 * The options that say which days a fill covers and how to compound it, shared by
 * `ldn compound` and `ldn print`. A fill is either a window of a protocol's schedule or,
 * for a refill after the MED is set or a pause, a window of recommended days read from
 * a JSON file (the shape `ldn schedule --format json` writes, and the titration engine's).
 */
import { readFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { z } from "zod/v4";
import { daysBetween, parseIsoDate, parseClockTime } from "../../domain/calendar-date.ts";
import { parseDose } from "../../domain/dose.ts";
import { invalidArgument, refused } from "../../domain/errors.ts";
import type { FillDay } from "../../domain/compounding/fill-day.ts";
import { parseConcentration, parseVolume } from "../../domain/compounding/liquid-units.ts";
import { parseMoney } from "../../domain/compounding/money.ts";
import { fillDays, type FillForm } from "../../domain/compounding/refill.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";
import { buildSchedule, MAX_SCHEDULE_DAYS } from "../../domain/protocols/schedule.ts";
import { MAX_CAPSULES_PER_DOSE_LIMIT } from "../../domain/compounding/capsule-settings.ts";
import { parsePositiveInt } from "../output.ts";
import { parseSetting } from "./setting-option.ts";

export interface FillFlags {
  protocol: string;
  start: string;
  days: number;
  fillStart?: string;
  recommended?: string;
  times?: string;
  set: Record<string, string>;
  form: "capsules" | "liquid";
  maxCapsulesPerDose?: number;
  feePerStrength?: number;
  pricePerCapsule?: number;
  strengthStep?: number;
  concentration?: number;
  syringeStep?: number;
}

/** Adds the fill options to a command. */
export function addFillOptions(command: Command): Command {
  return command
    .requiredOption("--protocol <id>", "protocol id (see `ldn protocols`)")
    .requiredOption("--start <date>", "the protocol's first day, YYYY-MM-DD")
    .requiredOption("--days <n>", "length of the fill in days", parsePositiveInt("--days", 366))
    .option("--fill-start <date>", "first day of this fill (default: --start), e.g. a refill date")
    .option(
      "--recommended <file>",
      "JSON days to fill from instead of the protocol's schedule (a refill after the MED is set or a pause); - for stdin",
    )
    .option("--times <list>", "dose times, comma-separated 24-hour HH:MM (a clinic setting)")
    .option("--set <key=value>", "override a protocol setting, e.g. dose=3mg (repeatable)", parseSetting, {})
    .addOption(
      new Option("--form <form>", "what to compound").choices(["capsules", "liquid"]).default("capsules"),
    )
    .option(
      "--max-capsules-per-dose <n>",
      "clinic setting: most capsules for one dose (default 2)",
      parsePositiveInt("--max-capsules-per-dose", MAX_CAPSULES_PER_DOSE_LIMIT),
    )
    .option(
      "--fee-per-strength <amount>",
      "clinic setting: pharmacy fee per strength made (default 15.00)",
      (t) => parseMoney(t, "--fee-per-strength"),
    )
    .option("--price-per-capsule <amount>", "clinic setting: price per capsule (default 1.00)", (t) =>
      parseMoney(t, "--price-per-capsule"),
    )
    .option(
      "--strength-step <dose>",
      "clinic setting: strengths are multiples of this (default: the largest step that makes every dose)",
      (t) => parseDose(t, "--strength-step"),
    )
    .option(
      "--concentration <c>",
      "clinic setting: liquid concentration, e.g. 1mg/mL (default 1 mg/mL)",
      (t) => parseConcentration(t, "--concentration"),
    )
    .option(
      "--syringe-step <volume>",
      "clinic setting: oral syringe marking, e.g. 0.1mL (default 0.1 mL)",
      (t) => parseVolume(t, "--syringe-step"),
    );
}

/** Where a fill's days came from, for the heading of every output. */
export interface ResolvedFill {
  readonly protocol: ProtocolDefinition;
  readonly source: "schedule" | "recommended";
  readonly days: readonly FillDay[];
  readonly form: FillForm;
}

/**
 * Turns the flags into the fill's days and form: a window of the protocol's schedule,
 * or of the recommended days in `--recommended`.
 */
export async function resolveFill(flags: FillFlags): Promise<ResolvedFill> {
  const protocol = getProtocol(flags.protocol);
  const start = parseIsoDate(flags.start, "--start");
  const fillStart = parseIsoDate(flags.fillStart ?? flags.start, "--fill-start");
  const window = { start: fillStart, days: flags.days };
  let days: readonly FillDay[];
  if (flags.recommended) {
    const text = flags.recommended === "-" ? await readStdin() : readText(flags.recommended);
    days = fillDays(parseRecommended(text, flags.recommended), window);
  } else {
    const offset = daysBetween(start, fillStart);
    if (offset < 0)
      throw invalidArgument("--fill-start", flags.fillStart, `is before the protocol's start ${start}`);
    if (offset + flags.days > MAX_SCHEDULE_DAYS) {
      throw invalidArgument(
        "--fill-start",
        flags.fillStart,
        `a fill must end within ${MAX_SCHEDULE_DAYS} days of --start`,
      );
    }
    const settings = { ...flags.set, ...(flags.times ? { times: flags.times } : {}) };
    const schedule = buildSchedule(protocol, { start, days: offset + flags.days, settings });
    days = fillDays(schedule.days, window);
  }
  const form: FillForm =
    flags.form === "liquid"
      ? {
          form: "liquid",
          settings: { concentrationUgPerMl: flags.concentration, syringeStepUl: flags.syringeStep },
        }
      : {
          form: "capsules",
          settings: {
            maxCapsulesPerDose: flags.maxCapsulesPerDose,
            feePerStrengthCents: flags.feePerStrength,
            pricePerCapsuleCents: flags.pricePerCapsule,
            strengthStepUg: flags.strengthStep,
          },
        };
  return { protocol, source: flags.recommended ? "recommended" : "schedule", days, form };
}

const dayShape = z.object({
  date: z.string(),
  doses: z.array(z.object({ time: z.string(), ug: z.number().int().positive() })),
});
const recommendedShape = z.union([z.array(dayShape), z.object({ days: z.array(dayShape) })]);

/**
 * Reads recommended days from JSON: an array of days, or an object with `days`
 * (so `ldn schedule --format json` output works as it is). Each day needs `date` and
 * `doses` of `{ time, ug }` with whole micrograms.
 */
export function parseRecommended(text: string, name: string): FillDay[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidArgument("--recommended", name, "is not JSON");
  }
  const parsed = recommendedShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(
      `--recommended: ${name}: ${issue.path.join(".") || "the file"}: ${issue.message}; expected days of { date, doses: [{ time, ug }] }`,
      { field: "--recommended", value: name },
    );
  }
  const days = Array.isArray(parsed.data) ? parsed.data : parsed.data.days;
  return days.map((d) => ({
    date: parseIsoDate(d.date, "--recommended date"),
    doses: d.doses.map((x) => ({ time: parseClockTime(x.time, "--recommended time"), ug: x.ug })),
  }));
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const why = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw invalidArgument("--recommended", path, `cannot be read (${why})`);
  }
}
