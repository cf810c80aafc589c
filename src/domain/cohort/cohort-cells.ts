/**
 * Readers for one cell of the cohort CSV. Each returns the value, `null` for an empty
 * cell (missing), or a reason the text is not acceptable; the caller attaches line and
 * column. Strict on purpose: "5,2" or "1.5mg" in a number column is a mistake to show,
 * not something to guess at.
 */
import type { Sex } from "./cohort.ts";
import { ownEntry } from "../own-entry.ts";

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A finite number in [min, max], or empty.
 *
 * @example readNumber("5.5", 0, 10); // { ok: true, value: 5.5 }
 * @example readNumber("5,5", 0, 10); // { ok: false, reason: "is not a number" }
 */
export function readNumber(text: string, min: number, max: number): CellResult<number> {
  if (text === "") return { ok: true, value: null };
  if (!NUMBER.test(text)) return { ok: false, reason: "is not a number" };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, reason: `must be from ${min} to ${max}` };
  return { ok: true, value };
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/**
 * true/false (also yes/no, y/n, 1/0; any case), or empty.
 *
 * @example readBoolean("Yes"); // { ok: true, value: true }
 */
export function readBoolean(text: string): CellResult<boolean> {
  if (text === "") return { ok: true, value: null };
  const t = text.toLowerCase();
  if (TRUE.has(t)) return { ok: true, value: true };
  if (FALSE.has(t)) return { ok: true, value: false };
  return { ok: false, reason: "must be true or false" };
}

const SEXES: Record<string, Sex> = { female: "female", f: "female", male: "male", m: "male", other: "other" };

/**
 * female/male/other (also f/m; any case), or empty.
 *
 * @example readSex("F"); // { ok: true, value: "female" }
 */
export function readSex(text: string): CellResult<Sex> {
  if (text === "") return { ok: true, value: null };
  const sex = ownEntry(SEXES, text.toLowerCase());
  return sex ? { ok: true, value: sex } : { ok: false, reason: "must be female, male or other" };
}
