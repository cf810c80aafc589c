/**
 * What a correction changed in a day's diary entry: each field that differs, with its value
 * before and after, in the order a person reads a check-in.
 */
import type { DiaryDay } from "./diary-day.ts";

/** The fields of a check-in a correction can change, in reading order. */
export const DIARY_FIELDS = [
  "doses",
  "pain",
  "mood",
  "energy",
  "clarity",
  "sideEffects",
  "impression",
  "note",
] as const satisfies readonly (keyof DiaryDay)[];

export type DiaryField = (typeof DIARY_FIELDS)[number];

export interface DiaryChange {
  readonly field: DiaryField;
  /** The value before (null when it was not given). */
  readonly from: unknown;
  /** The value after (null when it is no longer given). */
  readonly to: unknown;
}

/**
 * The fields that differ between two versions of a day's entry (stored bodies, as recorded).
 *
 * @example diaryChanges({ pain: 6, doses: [] }, { pain: 4, doses: [] }) // [{ field: "pain", from: 6, to: 4 }]
 */
export function diaryChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): DiaryChange[] {
  const out: DiaryChange[] = [];
  for (const field of DIARY_FIELDS) {
    const from = Object.hasOwn(before, field) ? (before[field] ?? null) : null;
    const to = Object.hasOwn(after, field) ? (after[field] ?? null) : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ field, from, to });
  }
  return out;
}
