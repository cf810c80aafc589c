/** `ldn compound`: what the pharmacy makes for a fill, as capsules (cheapest exact plan) or a liquid. */
import type { Command } from "commander";
import { planFill } from "../../domain/compounding/refill.ts";
import { formatOption, printJson } from "../output.ts";
import { fillPlanJson } from "../render/compound-json.ts";
import { capsulePlanTable, liquidPlanTable } from "../render/compound-table.ts";
import { addFillOptions, resolveFill, type FillFlags } from "./fill-options.ts";

export function register(program: Command): void {
  addFillOptions(
    program
      .command("compound")
      .description(
        "plan what the pharmacy compounds for a fill: capsule strengths and quantities, or a liquid",
      ),
  )
    .addOption(formatOption(["table", "json"]))
    .addHelpText(
      "after",
      `
Prices, capsules per dose, strength step, concentration and syringe step are clinic
settings (not published facts); the defaults are labelled in the output.

Examples:
  ldn compound --protocol micro-titration --start 2027-01-04 --days 28
  ldn compound --protocol micro-titration --start 2027-01-04 --fill-start 2027-03-01 --days 28 --fee-per-strength 30
  ldn compound --protocol micro-titration --start 2027-01-04 --days 28 --form liquid --concentration 1mg/mL --syringe-step 0.1mL
  ldn compound --protocol micro-titration --start 2027-01-04 --fill-start 2027-03-01 --days 28 --recommended med-days.json --format json`,
    )
    .action(async (flags: FillFlags & { format: "table" | "json" }) => {
      const fill = await resolveFill(flags);
      const plan = planFill(fill.days, fill.form);
      if (flags.format === "json") printJson(fillPlanJson(fill.protocol, plan, fill.source));
      else if (plan.form === "capsules")
        process.stdout.write(capsulePlanTable(fill.protocol, plan, fill.source));
      else process.stdout.write(liquidPlanTable(fill.protocol, plan, fill.source));
    });
}
