/**
 * Units of the liquid alternative: volumes in whole microlitres, concentrations in whole
 * micrograms per mL, parsed from what a person writes ("0.1 mL", "1 mg/mL") and shown
 * by the same ISMP rules as doses (leading zero, no trailing zero).
 */
import { formatDose, formatMg, parseDose } from "../dose.ts";
import { invalidArgument, refused } from "../errors.ts";

/** A volume in whole microlitres (0.1 mL = 100). */
export type Microlitres = number & { readonly __microlitres: true };

const VOLUME = /^(\d+)(?:\.(\d{1,3}))?\s*ml$/i;

/**
 * Parses a volume in mL, to the microlitre: "0.1 mL", "0.05mL", "1 mL".
 *
 * @example parseVolume("0.1 mL", "--syringe-step") // 100
 */
export function parseVolume(text: string, field = "volume"): Microlitres {
  const trimmed = text.trim();
  if (/^\./.test(trimmed)) {
    throw invalidArgument(field, text, 'write a leading zero ("0.1 mL", not ".1 mL")');
  }
  const m = VOLUME.exec(trimmed);
  const ul = m ? Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0")) : NaN;
  if (!m || !Number.isSafeInteger(ul) || ul <= 0) {
    throw refused(`${field}: "${text}" is not a volume; write mL to at most 3 decimals, e.g. 0.1 mL`, {
      field,
      value: text,
    });
  }
  return ul as Microlitres;
}

/**
 * Formats microlitres as mL: "0.1 mL", "1.5 mL", "28 mL".
 *
 * @example formatVolume(150) // "0.15 mL"
 */
export function formatVolume(ul: number): string {
  // mL to 3 decimals has the same digits as mg from micrograms: reuse the ISMP formatting.
  return `${formatMg(ul)} mL`;
}

/**
 * Parses a concentration "<dose>/mL": "1 mg/mL", "0.5mg/mL", "100 mcg/mL"; returns mcg per mL.
 *
 * @example parseConcentration("1 mg/mL") // 1000
 */
export function parseConcentration(text: string, field = "concentration"): number {
  const m = /^(.*)\/\s*ml$/i.exec(text.trim());
  if (!m) {
    throw refused(`${field}: "${text}" is not a concentration; write a dose per mL, e.g. 1 mg/mL`, {
      field,
      value: text,
    });
  }
  const ug = parseDose(m[1]!, field);
  if (ug === 0) {
    throw invalidArgument(field, text, "a concentration must be above 0");
  }
  return ug;
}

/**
 * Formats a concentration in mcg per mL: "1 mg/mL", "10 mcg/mL".
 *
 * @example formatConcentration(1000) // "1 mg/mL"
 */
export function formatConcentration(ugPerMl: number): string {
  return `${formatDose(ugPerMl)}/mL`;
}
