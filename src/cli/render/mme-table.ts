/** `ldn mme --format table`: one row per regimen, the total, then flags, caveats and notes. */
import { formatMg } from "../../domain/dose.ts";
import { formatMme } from "../../domain/opioids/format-mme.ts";
import type { MmeLine, MmeResult } from "../../domain/opioids/mme.ts";
import { CDC_2022 } from "../../domain/opioids/sources.ts";
import { textTable } from "./text-table.ts";

/** Amounts are exact thousandths; `formatMg` prints thousandths with ISMP's leading zero and no trailing zero. */
const amountText = (n: number) => formatMg(Math.round(n * 1000));

function asWritten(l: MmeLine): string {
  const amount = `${amountText(l.amount)} ${l.unit}`;
  return l.dosesPerDay === null ? amount : `${amount} x${l.dosesPerDay}`;
}

/**
 * The MME result as an aligned text table with its flags and cautions.
 *
 * @example process.stdout.write(mmeTable(calculateMme(parseOpioidRegimens("oxycodone 10mg x3"))))
 */
export function mmeTable(result: MmeResult): string {
  const rows = result.lines.map((l) => [
    l.written.toLowerCase() === l.drug ? l.drug : `${l.written} (${l.drug})`,
    asWritten(l),
    `${amountText(l.perDay)} ${l.perDayUnit}`,
    l.unit === "mcg/hr" ? `${l.factor} per mcg/hr` : `${l.factor} per mg`,
    formatMme(l.mmePerDay),
  ]);
  const table = textTable(
    ["Opioid", "As written", "Per day", "Factor", "MME/day"],
    [...rows, ["Total", "", "", "", `${formatMme(result.totalMmePerDay)} MME/day`]],
  );
  return [
    table,
    section(
      "Flags",
      result.flags.map((f) => `! ${f.message}`),
    ),
    section(
      "Caveats",
      result.caveats.map((c) => `- ${c.message}`),
    ),
    section(
      "Notes",
      result.notes.map((n) => `- ${n}`),
    ),
    `\nFactors: ${CDC_2022}.\n`,
  ].join("");
}

function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? "" : `\n${title}:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}
