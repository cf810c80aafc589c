/**
 * The dashboard's search, filters, sort and counts over every patient's kept line: pure, so the
 * server answers one page and the browser never receives more than it shows.
 */
import type { SummaryColumns } from "../ports/patient-summary-store.ts";
import { daysBetween, parseIsoDate } from "../../domain/calendar-date.ts";
import { ATTENTION_PRIORITY, type AttentionCode } from "./summarise-patient.ts";

export const SORT_KEYS = ["enrolment", "attention", "name", "state", "checkin", "dose"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A state to filter on, or "none": no plan yet, so no state. */
export type StateFilter = string;
/** "any" or "none" needs attention, or one flag's code. */
export type AttentionFilter = "any" | "none" | AttentionCode;

export interface LineFilters {
  /** Part of the name, any case. */
  readonly q?: string;
  readonly state?: StateFilter;
  readonly attention?: AttentionFilter;
  readonly sort?: SortKey;
}

/** One patient's line as this viewer sees it. */
export interface ViewedLine extends SummaryColumns {
  readonly id: string;
  readonly displayName: string;
}

/** How many of the clinic's patients are in each state ("none": no plan) and have each flag ("any": one or more). */
export interface LineCounts {
  readonly states: Readonly<Record<string, number>>;
  readonly attention: Readonly<Record<string, number>>;
}

/**
 * A pharmacist's view of a line: the same state and dose, but no check-ins and, of what needs
 * attention, only a missing plan (as the pharmacist's dashboard line shows).
 */
export function viewedBy(line: ViewedLine, clinical: boolean): ViewedLine {
  if (clinical) return line;
  return { ...line, lastCheckIn: null, attention: line.attention.filter((c) => c === "no-plan") };
}

/** @example countLines(lines).states.titrating // 12 */
export function countLines(lines: readonly ViewedLine[]): LineCounts {
  const states: Record<string, number> = { none: 0 };
  const attention: Record<string, number> = { any: 0 };
  for (const l of lines) {
    const state = l.state ?? "none";
    states[state] = (states[state] ?? 0) + 1;
    if (l.attention.length > 0) attention.any = (attention.any ?? 0) + 1;
    for (const code of l.attention) attention[code] = (attention[code] ?? 0) + 1;
  }
  return { states, attention };
}

/** The lines that match, in the order asked (enrolment order unless sorted; sorts are stable). */
export function selectLines(lines: readonly ViewedLine[], filters: LineFilters, today: string): ViewedLine[] {
  const q = filters.q?.trim().toLowerCase() ?? "";
  const matching = lines.filter(
    (l) =>
      (q === "" || l.displayName.toLowerCase().includes(q)) &&
      (filters.state === undefined || (l.state ?? "none") === filters.state) &&
      matchesAttention(l, filters.attention),
  );
  const sort = filters.sort ?? "enrolment";
  return sort === "enrolment" ? matching : matching.sort(comparator(sort, today));
}

function matchesAttention(l: ViewedLine, filter: AttentionFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter === "any") return l.attention.length > 0;
  if (filter === "none") return l.attention.length === 0;
  return l.attention.includes(filter);
}

/** No flag sorts after every flag. */
const NO_FLAG_RANK = 99;

function comparator(sort: Exclude<SortKey, "enrolment">, today: string) {
  const rank = (l: ViewedLine) => {
    const first = l.attention[0] as AttentionCode | undefined;
    return first === undefined ? NO_FLAG_RANK : ATTENTION_PRIORITY[first];
  };
  const date = parseIsoDate(today);
  const since = (l: ViewedLine) =>
    l.lastCheckIn === null ? -1 : daysBetween(parseIsoDate(l.lastCheckIn), date);
  const by: Record<typeof sort, (a: ViewedLine, b: ViewedLine) => number> = {
    attention: (a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName),
    name: (a, b) => a.displayName.localeCompare(b.displayName),
    state: (a, b) => (a.state ?? "~").localeCompare(b.state ?? "~"),
    // Longest since the last check-in first; never checked in last.
    checkin: (a, b) => since(b) - since(a),
    dose: (a, b) => (b.todayUg ?? -1) - (a.todayUg ?? -1),
  };
  return by[sort];
}
