/**
 * Reads opioid regimens written the way a clinician says them:
 *
 *   oxycodone 10mg x3        10 mg three times a day
 *   OxyContin 20 mg x 2      brand names of single-ingredient products are accepted
 *   morphine 30mg/day        a daily total (one "dose" of 30 mg)
 *   fentanyl 25mcg/hr        a patch: a rate, with no doses a day
 *
 * Several regimens may follow one another, optionally separated by commas. Anything
 * unclear is refused with a message saying how to write it: a missing unit or count is
 * never guessed, because a guess here moves the MME total across a threshold.
 */
import { refused } from "../errors.ts";
import type { OpioidUnit } from "./opioid-catalogue.ts";
import { exactRegimen, type OpioidRegimen } from "./regimen.ts";
import { resolveOpioid } from "./resolve-opioid.ts";
import { ownEntry } from "../own-entry.ts";

interface UnitReading {
  readonly unit: OpioidUnit;
  /** True for "mg/day": the amount is the daily total. */
  readonly daily: boolean;
}

const UNITS: Readonly<Record<string, UnitReading>> = {
  mg: { unit: "mg", daily: false },
  "mg/day": { unit: "mg", daily: true },
  "mg/d": { unit: "mg", daily: true },
  "mcg/hr": { unit: "mcg/hr", daily: false },
  "mcg/h": { unit: "mcg/hr", daily: false },
  "mcg/hour": { unit: "mcg/hr", daily: false },
  "ug/hr": { unit: "mcg/hr", daily: false },
  "ug/h": { unit: "mcg/hr", daily: false },
  "\u00b5g/hr": { unit: "mcg/hr", daily: false },
  "\u00b5g/h": { unit: "mcg/hr", daily: false },
  "\u03bcg/hr": { unit: "mcg/hr", daily: false },
  "\u03bcg/h": { unit: "mcg/hr", daily: false },
};

const AMOUNT = /^(\d*(?:[.,]\d*)?)(.*)$/u;
const TIMES_JOINED = /^[x\u00d7](\d+)$/iu; // x3, ×3
const TIMES_AFTER = /^(\d+)[x\u00d7]$/iu; // 3x
const TIMES_ALONE = /^[x\u00d7]$/iu; // "x 3"

const fail = (text: string, why: string): never => {
  throw refused(`opioid "${text}": ${why}`, { field: "opioid", value: text });
};

/**
 * Parses one or more regimens.
 *
 * @example parseOpioidRegimens("oxycodone 10mg x3, fentanyl 25mcg/hr")
 * // [{ drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }, { drug: "fentanyl", amount: 25, unit: "mcg/hr" }]
 */
export function parseOpioidRegimens(text: string): OpioidRegimen[] {
  const tokens = text
    .replace(/[,;](?=\s|$)/g, " ")
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
  if (tokens.length === 0) fail(text, 'nothing given; write e.g. "oxycodone 10mg x3"');
  const regimens: OpioidRegimen[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = readRegimen(tokens, i, text);
    regimens.push(read.regimen);
    i = read.next;
  }
  return regimens;
}

/**
 * Parses exactly one regimen (a repeatable option takes one each time).
 *
 * @example parseOpioidRegimen("morphine 15 mg x2") // { drug: "morphine", amount: 15, unit: "mg", dosesPerDay: 2 }
 */
export function parseOpioidRegimen(text: string): OpioidRegimen {
  const all = parseOpioidRegimens(text);
  if (all.length !== 1) fail(text, `one regimen expected, found ${all.length}; give each one separately`);
  return all[0]!;
}

function readRegimen(tokens: readonly string[], start: number, text: string) {
  let i = start;
  const nameWords: string[] = [];
  while (i < tokens.length && !startsAmount(tokens[i]!)) nameWords.push(tokens[i++]!);
  if (nameWords.length === 0) fail(text, `write the drug's name before "${tokens[i]}"`);
  const drug = nameWords.join(" ");
  resolveOpioid(drug); // an unknown name is the first thing to report
  if (i >= tokens.length)
    fail(text, `give ${drug}'s amount and unit, e.g. "${drug} 10mg x3" or "fentanyl 25mcg/hr"`);

  const amountToken = tokens[i++]!;
  const [, numberText = "", attachedUnit = ""] = AMOUNT.exec(amountToken) ?? [];
  const amount = readNumber(numberText, text);
  let unitText = attachedUnit;
  if (unitText === "" && i < tokens.length && ownEntry(UNITS, tokens[i]!.toLowerCase()))
    unitText = tokens[i++]!;
  if (unitText === "") fail(text, `"${amountToken}" needs a unit: mg, or mcg/hr for a fentanyl patch`);
  const reading = ownEntry(UNITS, unitText.toLowerCase());
  if (!reading)
    return fail(text, `unknown unit "${unitText}"; use mg per dose, mg/day, or mcg/hr for a patch`);

  const times = readTimes(tokens, i);
  i = times.next;
  const dosesPerDay = reading.daily ? dailyTotal(times.count, text) : times.count;
  if (reading.unit === "mg" && dosesPerDay === undefined) {
    fail(
      text,
      `how many doses a day? write e.g. "${drug} ${amountToken} x3", or "${drug} ${numberText}mg/day" for a daily total`,
    );
  }
  const regimen: OpioidRegimen =
    dosesPerDay === undefined
      ? { drug, amount, unit: reading.unit }
      : { drug, amount, unit: reading.unit, dosesPerDay };
  exactRegimen(regimen); // the same checks the calculation makes, reported at the point of entry
  return { regimen, next: i };
}

function startsAmount(token: string): boolean {
  return /^[\d.,]/.test(token);
}

function readNumber(numberText: string, text: string): number {
  if (numberText.includes(",")) fail(text, "use a decimal point, not a comma");
  if (numberText.startsWith(".")) fail(text, 'write a leading zero ("0.5mg", not ".5mg")');
  if (!/^\d+(\.\d+)?$/.test(numberText)) fail(text, `"${numberText}" is not an amount`);
  return Number(numberText);
}

function readTimes(tokens: readonly string[], i: number): { count: number | undefined; next: number } {
  const token = tokens[i];
  if (token === undefined) return { count: undefined, next: i };
  const joined = TIMES_JOINED.exec(token) ?? TIMES_AFTER.exec(token);
  if (joined) return { count: Number(joined[1]), next: i + 1 };
  const following = tokens[i + 1];
  if (TIMES_ALONE.test(token) && following !== undefined && /^\d+$/.test(following)) {
    return { count: Number(following), next: i + 2 };
  }
  return { count: undefined, next: i };
}

function dailyTotal(count: number | undefined, text: string): number {
  if (count !== undefined)
    fail(text, 'a daily total (mg/day) takes no "x N"; give mg per dose with "x N" instead');
  return 1;
}
