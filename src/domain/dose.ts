/**
 * Doses are whole micrograms everywhere inside the code. Text comes in through
 * `parseDose` and goes out through `formatDose`, which follows the ISMP rules
 * (clinical reference, section 3 "Units"): "mcg" (never "ug" or the micro sign),
 * a leading zero ("0.5 mg"), no trailing zero ("1 mg"), a space before the unit.
 */
import { invalidDose } from "./errors.ts";
import { ownEntry } from "./own-entry.ts";

declare const microgramBrand: unique symbol;
/** A dose in whole micrograms. Build it with `micrograms()` or `parseDose()`. */
export type Micrograms = number & { readonly [microgramBrand]: true };

export type DoseUnit = "mg" | "mcg";

export const UG_PER_MG = 1000;

/**
 * Naltrexone's label maximum per dose (50 mg tablet; clinical reference section 3).
 * Nothing an LDN clinic writes comes near it, so anything above is refused as a typo
 * (a 1000-fold error below it is caught by each protocol's own limits).
 */
export const LABEL_MAX_UG = 50_000;

/**
 * Checks that `n` is a whole, non-negative number of micrograms and brands it.
 *
 * @example micrograms(1500) // 1.5 mg
 */
export function micrograms(n: number, field = "dose"): Micrograms {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw invalidDose(`${field}: a dose must be a whole, non-negative number of micrograms`, {
      field,
      value: n,
    });
  }
  return n as Micrograms;
}

// Micro sign U+00B5 and Greek small mu U+03BC both appear in pasted text.
const UNIT_WORDS: Record<string, DoseUnit> = {
  mg: "mg",
  milligram: "mg",
  milligrams: "mg",
  mcg: "mcg",
  ug: "mcg",
  "\u00b5g": "mcg",
  "\u03bcg": "mcg",
  microgram: "mcg",
  micrograms: "mcg",
};

const DOSE_PATTERN = /^([+-]?)(\d*)(?:([.,])(\d*))?\s*([^\d\s.,+-][^\s]*)?$/u;

/** What `parseDose` returns: the micrograms and the unit the text was written in. */
export interface ParsedDose {
  readonly ug: Micrograms;
  readonly unit: DoseUnit;
}

/**
 * Parses a dose written by a person: "0.1 mg", "100 mcg", "1.5mg", "2 µg".
 * Refuses, with a message naming the field and the text, anything ambiguous or unsafe:
 * no unit, a negative number, a naked decimal point (".5 mg", "1. mg"), a decimal comma,
 * more precision than a whole microgram, grams, or more than the label maximum.
 *
 * @example parseDose("1.5 mg") // { ug: 1500, unit: "mg" }
 */
export function parseDoseWithUnit(text: string, field = "dose"): ParsedDose {
  const fail = (why: string): never => {
    throw invalidDose(`${field}: ${why} (got "${text}")`, { field, value: text });
  };
  const trimmed = text.trim();
  if (trimmed === "") fail('a dose is required, for example "0.1 mg" or "100 mcg"');
  const m = DOSE_PATTERN.exec(trimmed);
  if (!m) return fail('not a dose; write a number and a unit, for example "1.5 mg"');
  const [, sign, whole = "", sep, frac, unitText] = m;
  if (sign === "-") fail("a dose cannot be negative");
  if (sign === "+") fail("write the dose without a sign");
  if (sep === ",") fail("use a decimal point, not a comma");
  if (whole === "" && sep) fail('write a leading zero ("0.5 mg", not ".5 mg") to avoid a tenfold error');
  if (whole === "") fail('not a dose; write a number and a unit, for example "1.5 mg"');
  if (sep && frac === "") fail("a decimal point must be followed by digits");
  if (!unitText) fail("a unit is required: mg or mcg");
  const unit = ownEntry(UNIT_WORDS, unitText!.toLowerCase());
  if (!unit) {
    if (/^g$|^grams?$/i.test(unitText!)) fail("grams are never an LDN dose; write mg or mcg");
    fail(`unknown unit "${unitText}"; use mg or mcg`);
  }
  const ug = toMicrograms(whole, frac ?? "", unit!);
  if (ug === null)
    fail(
      unit === "mg" ? "more precise than a microgram (at most 3 decimals in mg)" : "micrograms must be whole",
    );
  if (ug! > LABEL_MAX_UG) fail(`above naltrexone's ${LABEL_MAX_UG / UG_PER_MG} mg label maximum`);
  return { ug: ug as Micrograms, unit: unit! };
}

/** Parses a dose and returns its micrograms; see `parseDoseWithUnit`. */
export function parseDose(text: string, field = "dose"): Micrograms {
  return parseDoseWithUnit(text, field).ug;
}

function toMicrograms(whole: string, frac: string, unit: DoseUnit): number | null {
  const decimals = unit === "mg" ? 3 : 0;
  const significantFrac = frac.replace(/0+$/, "");
  if (significantFrac.length > decimals) return null;
  const fracPadded = significantFrac.padEnd(decimals, "0");
  const n = Number(whole) * 10 ** decimals + (decimals ? Number(fracPadded) : 0);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Formats micrograms by the ISMP rules. `unit` "auto" uses mcg below 100 mcg and mg
 * from 0.1 mg up, so LDN reads in mg and ULDN in mcg.
 *
 * @example formatDose(micrograms(500)) // "0.5 mg"
 * @example formatDose(micrograms(2), "auto") // "2 mcg"
 */
export function formatDose(ug: Micrograms | number, unit: DoseUnit | "auto" = "auto"): string {
  const chosen = unit === "auto" ? (ug < 100 ? "mcg" : "mg") : unit;
  if (chosen === "mcg") return `${ug} mcg`;
  return `${formatMg(ug)} mg`;
}

/** The number part of a dose in mg: "0.5", "1", "1.25" (ISMP: leading zero, no trailing zero). */
export function formatMg(ug: number): string {
  const whole = Math.floor(ug / UG_PER_MG);
  const frac = String(ug % UG_PER_MG)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
