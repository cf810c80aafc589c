/** `ldn screen`: screening for LDN by the criteria of 004, with opioid load, OIH risk and protocol fit. */
import { Option, type Command } from "commander";
import { invalidArgument } from "../../domain/errors.ts";
import { parseOpioidRegimens } from "../../domain/opioids/parse-regimen.ts";
import type { OpioidRegimen } from "../../domain/opioids/regimen.ts";
import { OIH_RISK_FACTOR_IDS } from "../../domain/screening/risk-factors.ts";
import { screenPatient } from "../../domain/screening/screen-patient.ts";
import { PREGNANCY_STATUSES, type PregnancyStatus } from "../../domain/screening/types.ts";
import { formatOption, printJson } from "../output.ts";
import { screeningJson } from "../render/screening-json.ts";
import { screeningTable } from "../render/screening-table.ts";

interface ScreenFlags {
  age: number;
  painMonths: number;
  pregnant: PregnancyStatus;
  opioid: OpioidRegimen[];
  mustStayOnOpioids: boolean;
  risk: string[];
  format: "table" | "json";
}

/** A whole number from 0 to `max`; the domain checks the range again with its own message. */
function wholeNumber(option: string) {
  return (text: string): number => {
    if (!/^\d+$/.test(text)) throw invalidArgument(option, text, "must be a whole number");
    return Number(text);
  };
}

function collectOpioids(text: string, previous: OpioidRegimen[]): OpioidRegimen[] {
  return [...previous, ...parseOpioidRegimens(text)];
}

/**
 * Adds `ldn screen` to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  program
    .command("screen")
    .description("screen a patient for LDN: eligibility, reasons with sources, and which protocols fit")
    .requiredOption("--age <years>", "age in whole years", wholeNumber("--age"))
    .requiredOption(
      "--pain-months <n>",
      "how long the pain has lasted, in whole months",
      wholeNumber("--pain-months"),
    )
    .addOption(
      new Option("--pregnant <status>", "pregnancy status (not-applicable: cannot be pregnant)")
        .choices(PREGNANCY_STATUSES)
        .makeOptionMandatory(),
    )
    .option(
      "--opioid <regimen>",
      'a current opioid, e.g. "oxycodone 10mg x3" (repeatable; see `ldn mme --help`)',
      collectOpioids,
      [],
    )
    .option("--must-stay-on-opioids", "the patient cannot taper or stop opioids", false)
    .addOption(
      new Option("--risk <factor...>", "OIH/OAT risk factors recorded by the clinician (000)")
        .choices(OIH_RISK_FACTOR_IDS)
        .default([]),
    )
    .addOption(formatOption(["table", "json"]))
    .addHelpText(
      "after",
      `
Criteria (004): adults 18 and older with pain for more than 6 months; excluded:
pregnancy, opioids above 90 MME/day (mg-range protocols only; ULDN stays open to
review). An unknown pregnancy status needs review. Any naltrexone plan for a
patient on opioids needs a clinician's recorded decision.

Examples:
  ldn screen --age 45 --pain-months 24 --pregnant no
  ldn screen --age 52 --pain-months 60 --pregnant not-applicable \\
    --opioid "oxycodone 10mg x3" --opioid "fentanyl 25mcg/hr" --must-stay-on-opioids \\
    --risk centralized-pain sleep-disturbance --format json`,
    )
    .action((flags: ScreenFlags) => {
      const result = screenPatient({
        ageYears: flags.age,
        painMonths: flags.painMonths,
        pregnancy: flags.pregnant,
        opioids: flags.opioid,
        mustStayOnOpioids: flags.mustStayOnOpioids,
        riskFactors: flags.risk,
      });
      if (flags.format === "json") printJson(screeningJson(result));
      else process.stdout.write(screeningTable(result));
    });
}
