/**
 * Morphine milligram equivalents a day (MME/day) for a list of opioid regimens, with the
 * CDC 2022 factors of `opioid-catalogue.ts`: per-drug MME/day, the total, the threshold
 * flags and the caveats a clinician must read. Arithmetic is exact: amounts and factors
 * are whole thousandths, so each line is a whole number of millionths of an MME and the
 * total is exactly the sum of the lines.
 */
import { type DomainError, unitMismatch, unsupportedOpioid } from "../errors.ts";
import { formatMme } from "./format-mme.ts";
import type { OpioidCaveat, OpioidDefinition, OpioidId, OpioidUnit } from "./opioid-catalogue.ts";
import { exactRegimen, type ExactRegimen, type OpioidRegimen } from "./regimen.ts";
import { resolveOpioid } from "./resolve-opioid.ts";
import { MICRO_PER_MME, mmeFlags, type MmeFlag } from "./thresholds.ts";

export interface MmeLine {
  readonly drug: OpioidId;
  /** The name as the clinician wrote it (a brand stays a brand here). */
  readonly written: string;
  readonly amount: number;
  readonly unit: OpioidUnit;
  /** Null for a patch. */
  readonly dosesPerDay: number | null;
  /** mg/day, or for a patch its rate in mcg/hr (what the factor multiplies). */
  readonly perDay: number;
  readonly perDayUnit: "mg/day" | "mcg/hr";
  readonly factor: number;
  readonly mmePerDay: number;
  /** `mmePerDay` as display text, never rounded across a threshold (`formatMme`). */
  readonly mmePerDayText: string;
  readonly source: string;
}

export interface MmeResult {
  readonly lines: readonly MmeLine[];
  readonly totalMmePerDay: number;
  /** `totalMmePerDay` as display text, never rounded across a threshold (`formatMme`). */
  readonly totalText: string;
  readonly flags: readonly MmeFlag[];
  readonly caveats: readonly OpioidCaveat[];
  /** Cautions that hold for every MME figure. */
  readonly notes: readonly string[];
}

/** CDC 2022's cautions for every MME figure, shown with every result. */
export const MME_NOTES: readonly string[] = Object.freeze([
  "MME estimates the total opioid load; it cannot account for individual variability, and it is not a " +
    "dose for converting one opioid to another (CDC 2022, table cautions).",
  "The factors are for opioids as commonly prescribed for pain (by mouth; fentanyl as a patch); " +
    "injected and other forms are not covered.",
]);

/**
 * Calculates MME/day for each regimen and in total. Refuses buprenorphine
 * (`unsupported_opioid`, with the reason), unknown drugs (`unknown_opioid`) and an amount
 * in the wrong unit for its drug (`unit_mismatch`).
 *
 * @example
 * calculateMme([
 *   { drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 },
 *   { drug: "fentanyl", amount: 25, unit: "mcg/hr" },
 * ]).totalMmePerDay // 105 (45 + 60)
 */
export function calculateMme(regimens: readonly OpioidRegimen[]): MmeResult {
  const opioids = regimens.map((r) => resolveOpioid(r.drug));
  const lines = regimens.map((r, i) => mmeLine(opioids[i]!, exactRegimen(r)));
  const totalMicro = lines.reduce((sum, l) => sum + l.micro, 0);
  return {
    lines: lines.map((l) => l.line),
    totalMmePerDay: totalMicro / MICRO_PER_MME,
    totalText: formatMme(totalMicro / MICRO_PER_MME),
    flags: mmeFlags(totalMicro),
    // Each drug's caveats once, however many of its regimens are listed.
    caveats: [...new Set(opioids)].flatMap((o) => o.caveats),
    notes: MME_NOTES,
  };
}

/** One line's MME in exact millionths (returned beside the line so the total stays exact). */
function mmeLine(opioid: OpioidDefinition, r: ExactRegimen): { line: MmeLine; micro: number } {
  if (opioid.factor === null) {
    throw unsupportedOpioid(r.drug, opioid.refusal ?? opioid.factorSource);
  }
  if (!opioid.units.includes(r.unit)) throw wrongUnit(opioid, r);
  const factorThousandths = Math.round(opioid.factor * 1000);
  const dailyThousandths = r.amountThousandths * r.doseCount;
  const micro = dailyThousandths * factorThousandths;
  const line: MmeLine = {
    drug: opioid.id,
    written: r.drug,
    amount: r.amount,
    unit: r.unit,
    dosesPerDay: r.unit === "mcg/hr" ? null : r.doseCount,
    perDay: dailyThousandths / 1000,
    perDayUnit: r.unit === "mcg/hr" ? "mcg/hr" : "mg/day",
    factor: opioid.factor,
    mmePerDay: micro / MICRO_PER_MME,
    mmePerDayText: formatMme(micro / MICRO_PER_MME),
    source: opioid.factorSource,
  };
  return { line, micro };
}

function wrongUnit(opioid: OpioidDefinition, r: ExactRegimen): DomainError {
  const message =
    opioid.id === "fentanyl"
      ? `${r.drug}: only transdermal patches are covered, written as a rate in mcg/hr ` +
        `(e.g. "fentanyl 25mcg/hr"); the CDC 2022 factor 2.4 is per mcg/hr, not per ${r.unit}, ` +
        "and other forms of fentanyl have no factor here"
      : `${r.drug}: written in ${r.unit}, but ${opioid.id} is converted from mg per dose ` +
        `(e.g. "${opioid.id} 10mg x2"); mcg/hr is only for fentanyl patches`;
  return unitMismatch(message, { field: "unit", value: r.unit });
}
