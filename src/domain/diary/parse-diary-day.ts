/**
 * Validating a diary day that arrives as JSON. Every error names the exact field path
 * (`days[3].pain`) and the value, so a clinic can fix its export line by line.
 */
import { parseClockTime, parseIsoDate } from "../calendar-date.ts";
import { LABEL_MAX_UG, micrograms } from "../dose.ts";
import { invalidArgument, invalidDose } from "../errors.ts";
import { IMPRESSIONS, type DiaryDay, type Impression, type TakenDose } from "./diary-day.ts";
import { SIDE_EFFECTS, isSideEffect, type SideEffect } from "./side-effects.ts";

/** Longest free-text note kept; longer text is a pasting accident, not a diary note. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Design setting: doses recorded in one day. Every protocol gives at most 4 (004); 24 (one an
 * hour) leaves room for honest extra doses, which the engine then alerts on, and refuses a
 * list that cannot be a day of LDN.
 */
export const MAX_DOSES_PER_DAY = 24;

/**
 * Checks one diary day and returns it typed. `path` prefixes every field name.
 *
 * @example parseDiaryDay({ date: "2027-01-04", doses: [{ time: "08:00", ug: 100 }], pain: 6 }, "days[0]")
 */
export function parseDiaryDay(value: unknown, path: string): DiaryDay {
  const obj = asObject(value, path);
  const date = parseIsoDate(asString(obj.date, `${path}.date`), `${path}.date`);
  const doses = parseDoses(obj.doses, `${path}.doses`);
  const day: {
    -readonly [K in keyof DiaryDay]: DiaryDay[K];
  } = {
    date,
    doses,
    pain: parseRating(obj.pain, `${path}.pain`),
    sideEffects: parseSideEffects(obj.sideEffects, `${path}.sideEffects`),
  };
  for (const key of ["mood", "energy", "clarity"] as const) {
    if (obj[key] !== undefined && obj[key] !== null) day[key] = parseRating(obj[key], `${path}.${key}`);
  }
  if (obj.impression !== undefined && obj.impression !== null) {
    day.impression = parseImpression(obj.impression, `${path}.impression`);
  }
  if (obj.note !== undefined && obj.note !== null) day.note = parseNote(obj.note, `${path}.note`);
  return day;
}

/**
 * A 0-10 rating: whole numbers only, as on the numeric rating scale the patient uses.
 *
 * @example parseRating(6, "days[0].pain") // 6
 */
export function parseRating(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
    throw invalidArgument(field, value, "must be a whole number from 0 to 10");
  }
  return value;
}

function parseDoses(value: unknown, field: string): TakenDose[] {
  if (!Array.isArray(value)) {
    throw invalidArgument(
      field,
      value,
      'must list the doses taken, e.g. [{"time": "08:00", "ug": 100}], or []',
    );
  }
  if (value.length > MAX_DOSES_PER_DAY) {
    throw invalidArgument(
      field,
      `${value.length} doses`,
      `must list at most ${MAX_DOSES_PER_DAY} doses for one day`,
    );
  }
  const doses = value.map((item, i) => {
    const path = `${field}[${i}]`;
    const dose = asObject(item, path);
    const time = parseClockTime(asString(dose.time, `${path}.time`), `${path}.time`);
    if (typeof dose.ug !== "number") throw invalidArgument(`${path}.ug`, dose.ug, "must be whole micrograms");
    const ug = micrograms(dose.ug, `${path}.ug`);
    if (ug === 0 || ug > LABEL_MAX_UG) {
      throw invalidDose(`${path}.ug: a dose taken must be 1 to ${LABEL_MAX_UG} mcg (got ${ug})`, {
        field: `${path}.ug`,
        value: ug,
      });
    }
    return { time, ug };
  });
  const total = doses.reduce((a, d) => a + d.ug, 0);
  if (total > LABEL_MAX_UG) {
    throw invalidDose(
      `${field}: ${total} mcg in one day is above the ${LABEL_MAX_UG} mcg (50 mg) label maximum for naltrexone`,
      { field, value: total },
    );
  }
  return doses;
}

function parseSideEffects(value: unknown, field: string): SideEffect[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidArgument(field, value, "must be a list");
  return value.map((item, i) => {
    if (!isSideEffect(item)) {
      throw invalidArgument(`${field}[${i}]`, item, `must be one of ${SIDE_EFFECTS.join(", ")}`);
    }
    return item;
  });
}

function parseImpression(value: unknown, field: string): Impression {
  if (!IMPRESSIONS.includes(value as Impression)) {
    throw invalidArgument(field, value, `must be one of ${IMPRESSIONS.join(", ")}`);
  }
  return value as Impression;
}

function parseNote(value: unknown, field: string): string {
  if (typeof value !== "string") throw invalidArgument(field, value, "must be text");
  if (value.length > MAX_NOTE_LENGTH) {
    throw invalidArgument(field, `${value.slice(0, 20)}...`, `must be at most ${MAX_NOTE_LENGTH} characters`);
  }
  return value;
}

/** Narrows to a plain object, naming the field when it is not one. */
export function asObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidArgument(field, value, "must be an object");
  }
  return value as Record<string, unknown>;
}

function asString(value: unknown, field: string): string {
  if (typeof value !== "string") throw invalidArgument(field, value, "must be text");
  return value;
}
