/**
 * Naltrexone doses as FHIR Dosage: one Dosage per distinct amount and time of day, all with the
 * same `sequence` (FHIR: the same number means taken concurrently, not one after another), each
 * with its own `text`, because consumers that read only the first Dosage misread divided doses.
 */
import type { Dosage, Quantity, Ratio } from "@medplum/fhirtypes";
import { formatDose, UG_PER_MG } from "../domain/dose.ts";
import { ORAL_ROUTE, UCUM } from "./codes.ts";

export interface TimedDose {
  /** Clock time, HH:MM (floating local time, as the patient's schedule says it). */
  readonly time: string;
  readonly ug: number;
}

/**
 * A dose as a UCUM quantity in the unit ISMP display chooses: `mcg` shown with UCUM code `ug`
 * (fhir.md: "mcg" is not UCUM), `mg` with code `mg`.
 *
 * @example doseQuantity(200) // { value: 0.2, unit: "mg", system: UCUM, code: "mg" }
 * @example doseQuantity(2) // { value: 2, unit: "mcg", system: UCUM, code: "ug" }
 */
export function doseQuantity(ug: number): Quantity {
  if (formatDose(ug).endsWith(" mcg")) return { value: ug, unit: "mcg", system: UCUM, code: "ug" };
  return { value: ug / UG_PER_MG, unit: "mg", system: UCUM, code: "mg" };
}

/**
 * Whole micrograms from a UCUM dose quantity, or undefined when the unit is not a mass ldn reads.
 *
 * @example microgramsOf({ value: 0.2, code: "mg" }) // 200
 */
export function microgramsOf(quantity: Quantity | undefined): number | undefined {
  if (quantity?.value === undefined) return undefined;
  const code = quantity.code ?? quantity.unit;
  if (code === "ug" || code === "mcg") return Math.round(quantity.value);
  if (code === "mg") return Math.round(quantity.value * UG_PER_MG);
  return undefined;
}

/** A protocol's most per day as `maxDosePerPeriod` (per 1 day). */
export function perDay(maxUg: number): Ratio {
  return {
    numerator: doseQuantity(maxUg),
    denominator: { value: 1, unit: "day", system: UCUM, code: "d" },
  };
}

/** "HH:MM" as FHIR `time` ("HH:MM:SS"). */
export const fhirTime = (time: string): string => `${time}:00`;

/**
 * One Dosage per dose of a day, taken concurrently, from `start` to `end` (inclusive dates).
 *
 * @example dosagesFor([{ time: "08:00", ug: 200 }], { start: "2027-01-04", end: "2027-01-05" }, 6000)
 * // [{ sequence: 1, text: "0.2 mg by mouth at 08:00 each day from 2027-01-04 to 2027-01-05", ... }]
 */
export function dosagesFor(
  doses: readonly TimedDose[],
  period: { readonly start: string; readonly end?: string },
  maxPerDayUg: number | undefined,
): Dosage[] {
  return doses.map((dose) => ({
    sequence: 1,
    text:
      `${formatDose(dose.ug)} by mouth at ${dose.time} each day from ${period.start}` +
      (period.end === undefined ? "" : ` to ${period.end}`),
    timing: {
      repeat: {
        boundsPeriod:
          period.end === undefined ? { start: period.start } : { start: period.start, end: period.end },
        frequency: 1,
        period: 1,
        periodUnit: "d",
        timeOfDay: [fhirTime(dose.time)],
      },
    },
    route: ORAL_ROUTE,
    doseAndRate: [{ doseQuantity: doseQuantity(dose.ug) }],
    ...(maxPerDayUg === undefined ? {} : { maxDosePerPeriod: perDay(maxPerDayUg) }),
  }));
}
