/**
 * `ldn print schedule` and `ldn print order`: the patient's schedule (a week to a page,
 * a tick box per dose, the instructions that apply, the clinic's number; with `--opioid`, what
 * to do about opioid withdrawal) and the pharmacy order, written as PDF files.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import { invalidArgument } from "../../domain/errors.ts";
import { parseOpioidRegimens } from "../../domain/opioids/parse-regimen.ts";
import { planFill } from "../../domain/compounding/refill.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import { orderPdf } from "../../documents/order-pdf.ts";
import { schedulePdf } from "../../documents/schedule-pdf.ts";
import { addFillOptions, resolveFill, type FillFlags } from "./fill-options.ts";

interface PrintFlags extends FillFlags {
  out: string;
  patient: string;
  birthDate?: string;
  clinicName: string;
  clinicPhone: string;
  /** The opioids the patient takes (schedule only), as drug names read from each regimen. */
  opioid?: string[];
  prescriber?: string;
  prescriberId?: string;
  pharmacy?: string;
}

const FILL = "--protocol micro-titration --start 2027-01-04 --days 28";
const WHO = '--patient "A. Patient" --clinic-name "Riverside Pain Clinic" --clinic-phone "555 0100"';

/** Each `--opioid "oxycodone 10mg x3"` adds its drug names, read as `ldn screen` reads them. */
function collectOpioids(text: string, previous: string[]): string[] {
  return [...previous, ...parseOpioidRegimens(text).map((r) => r.drug)];
}

export function register(program: Command): void {
  const print = program
    .command("print")
    .description("write the patient's schedule or the pharmacy order as a PDF");

  addFillOptions(
    print.command("schedule").description("the patient's schedule: a week to a page, a box to tick per dose"),
  )
    .requiredOption("--out <file>", "PDF file to write")
    .requiredOption("--patient <name>", "patient's name, as printed")
    .requiredOption("--clinic-name <name>", "clinic's name, printed on every page")
    .requiredOption("--clinic-phone <phone>", "the number the patient calls, printed on every page")
    .option(
      "--opioid <regimen>",
      'an opioid the patient takes, e.g. "oxycodone 10mg x3" (repeatable): adds what to do about withdrawal (002)',
      collectOpioids,
      [],
    )
    .addHelpText(
      "after",
      `
Examples:
  ldn print schedule ${FILL} ${WHO} --out schedule.pdf
  ldn print schedule ${FILL} --form liquid ${WHO} --out schedule.pdf
  ldn print schedule ${FILL} ${WHO} --opioid "oxycodone 10mg x3" --out schedule.pdf`,
    )
    .action(async (flags: PrintFlags) => {
      const fill = await resolveFill(flags);
      const plan = planFill(fill.days, fill.form);
      const pdf = await schedulePdf({
        protocolName: fill.protocol.name,
        withOpioids: fill.protocol.withOpioids,
        opioids: flags.opioid ?? [],
        patient: { name: nonEmpty("--patient", flags.patient) },
        clinic: {
          name: nonEmpty("--clinic-name", flags.clinicName),
          phone: nonEmpty("--clinic-phone", flags.clinicPhone),
        },
        days: fill.days,
        plan,
        createdAt: new Date(),
      });
      writeFileSync(flags.out, pdf);
      process.stdout.write(
        `wrote ${flags.out}: schedule, ${plan.period.days} days from ${plan.period.start}\n`,
      );
    });

  addFillOptions(
    print
      .command("order")
      .description("the pharmacy order: strengths and quantities, directions, fill period"),
  )
    .requiredOption("--out <file>", "PDF file to write")
    .requiredOption("--patient <name>", "patient's name")
    .option("--birth-date <date>", "patient's date of birth, YYYY-MM-DD")
    .requiredOption("--prescriber <name>", "prescriber's name")
    .option("--prescriber-id <id>", "prescriber's licence or NPI, as the pharmacy needs it")
    .requiredOption("--clinic-name <name>", "clinic's name")
    .requiredOption("--clinic-phone <phone>", "clinic's phone")
    .option("--pharmacy <name>", "the compounding pharmacy")
    .addHelpText(
      "after",
      `
Examples:
  ldn print order ${FILL} ${WHO} --prescriber "Dr B. Prescriber" --out order.pdf
  ldn print order ${FILL} --fill-start 2027-03-01 --fee-per-strength 40 ${WHO} --prescriber "Dr B. Prescriber" --out order.pdf`,
    )
    .action(async (flags: PrintFlags) => {
      const fill = await resolveFill(flags);
      const plan = planFill(fill.days, fill.form);
      const pdf = await orderPdf({
        protocol: {
          name: fill.protocol.name,
          key: protocolKey(fill.protocol),
          source: `${fill.protocol.source.doc}, ${fill.protocol.source.citation}`,
        },
        patient: {
          name: nonEmpty("--patient", flags.patient),
          birthDate: flags.birthDate ? parseIsoDate(flags.birthDate, "--birth-date") : undefined,
        },
        prescriber: {
          name: nonEmpty("--prescriber", flags.prescriber ?? ""),
          identifier: flags.prescriberId,
        },
        clinic: {
          name: nonEmpty("--clinic-name", flags.clinicName),
          phone: nonEmpty("--clinic-phone", flags.clinicPhone),
        },
        pharmacy: flags.pharmacy,
        days: fill.days,
        plan,
        createdAt: new Date(),
      });
      writeFileSync(flags.out, pdf);
      process.stdout.write(
        `wrote ${flags.out}: pharmacy order, ${plan.period.days} days from ${plan.period.start}\n`,
      );
    });
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === "") throw invalidArgument(option, value, "must not be empty");
  return value.trim();
}
