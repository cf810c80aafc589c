/** `ldn mme`: morphine milligram equivalents a day for a list of opioids, with the CDC flags. */
import type { Command } from "commander";
import { calculateMme } from "../../domain/opioids/mme.ts";
import { parseOpioidRegimens } from "../../domain/opioids/parse-regimen.ts";
import { KNOWN_OPIOID_NAMES } from "../../domain/opioids/resolve-opioid.ts";
import { formatOption, printJson } from "../output.ts";
import { mmeJson } from "../render/mme-json.ts";
import { mmeTable } from "../render/mme-table.ts";

/**
 * Adds `ldn mme` to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  program
    .command("mme")
    .argument("<regimen...>", 'opioids, each "<drug> <amount>mg x<doses a day>" or "fentanyl <rate>mcg/hr"')
    .description("morphine milligram equivalents a day (CDC 2022 factors), flagged at 50 and 90 MME/day")
    .addOption(formatOption(["table", "json"]))
    .addHelpText(
      "after",
      `
Each regimen is a drug, an amount and how often:
  oxycodone 10mg x3       10 mg three times a day ("x 3" and "3x" also work)
  morphine 30mg/day       a daily total
  fentanyl 25mcg/hr       a transdermal patch (a rate: no "x N")
Drugs: ${KNOWN_OPIOID_NAMES.filter((n) => n !== "buprenorphine").join(", ")},
or a single-ingredient brand (OxyContin, MS Contin, Dilaudid, Duragesic, ...).
Buprenorphine has no MME factor and is refused with the reason; combination
products (Percocet, Norco, ...) are written as their opioid's mg.

Examples:
  ldn mme oxycodone 10mg x3 morphine 15mg x2 fentanyl 25mcg/hr
  ldn mme "OxyContin 20mg x2, hydromorphone 2mg x4" --format json`,
    )
    .action((words: string[], flags: { format: "table" | "json" }) => {
      const result = calculateMme(parseOpioidRegimens(words.join(" ")));
      if (flags.format === "json") printJson(mmeJson(result));
      else process.stdout.write(mmeTable(result));
    });
}
