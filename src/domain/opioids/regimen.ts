/**
 * An opioid regimen as the patient takes it: a drug, an amount per dose in mg (or a
 * patch's rate in mcg/hr) and, for doses in mg, how many doses a day. Amounts are held
 * exactly as whole thousandths of their unit, so totals and threshold checks never
 * suffer binary rounding (7.5 mg is 7500, not 7.499999...).
 */
import { invalidArgument } from "../errors.ts";
import type { OpioidUnit } from "./opioid-catalogue.ts";

export interface OpioidRegimen {
  /** The drug as written: a generic name or a single-ingredient brand. */
  readonly drug: string;
  /** Per dose in mg, or the patch rate in mcg/hr. At most 3 decimals. */
  readonly amount: number;
  readonly unit: OpioidUnit;
  /** Doses a day: required for mg; left out for a patch, which delivers continuously. */
  readonly dosesPerDay?: number;
}

// Input checks, not clinical limits: they only catch typing slips and keep every
// intermediate product an exact integer (see `mme.ts`).
export const MAX_AMOUNT = 100_000;
export const MAX_DOSES_PER_DAY = 24;

/** The regimen's amount in whole thousandths of its unit (mcg for mg, ng/hr for mcg/hr). */
export interface ExactRegimen extends OpioidRegimen {
  readonly amountThousandths: number;
  /** 1 for a patch: its rate already is its daily exposure. */
  readonly doseCount: number;
}

/**
 * Checks a regimen's numbers and returns it with its amount as an exact integer.
 *
 * @example exactRegimen({ drug: "oxycodone", amount: 7.5, unit: "mg", dosesPerDay: 2 }).amountThousandths // 7500
 */
export function exactRegimen(regimen: OpioidRegimen): ExactRegimen {
  const { drug, amount, unit, dosesPerDay } = regimen;
  const thousandths = Math.round(amount * 1000);
  if (!Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    throw invalidArgument(`${drug} amount`, amount, `must be more than 0 and at most ${MAX_AMOUNT} ${unit}`);
  }
  if (Math.abs(thousandths - amount * 1000) > 1e-6) {
    throw invalidArgument(`${drug} amount`, amount, `at most 3 decimals in ${unit}`);
  }
  if (unit === "mcg/hr") {
    if (dosesPerDay !== undefined) {
      throw invalidArgument(
        `${drug} doses a day`,
        dosesPerDay,
        "a patch delivers continuously: give its rate in mcg/hr with no number of doses a day " +
          "(for two patches worn together, list each one)",
      );
    }
    return { ...regimen, amountThousandths: thousandths, doseCount: 1 };
  }
  if (
    dosesPerDay === undefined ||
    !Number.isInteger(dosesPerDay) ||
    dosesPerDay < 1 ||
    dosesPerDay > MAX_DOSES_PER_DAY
  ) {
    throw invalidArgument(
      `${drug} doses a day`,
      dosesPerDay ?? null,
      `must be a whole number from 1 to ${MAX_DOSES_PER_DAY}`,
    );
  }
  return { ...regimen, amountThousandths: thousandths, doseCount: dosesPerDay };
}
