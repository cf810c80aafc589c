/**
 * A patient's screening history in a clinician's words: for each rescreen, who, when, what
 * changed (answer by answer) and the eligibility before and after.
 */
import type { ScreeningChange } from "../ports/patient-repository.ts";
import type { Repositories } from "../ports/store.ts";

export interface ScreeningHistoryEntry {
  readonly at: string;
  readonly byName: string | null;
  /** "Pregnant: unknown → no", one per answer that changed. */
  readonly changes: readonly string[];
  readonly eligibilityBefore: string | null;
  readonly eligibilityAfter: string | null;
}

/** The answers' labels, as the enrolment form asks them. */
const LABELS: readonly (readonly [string, string])[] = [
  ["ageYears", "Age (years)"],
  ["painMonths", "Pain for (months)"],
  ["pregnancy", "Pregnant"],
  ["opioids", "Opioids"],
  ["mustStayOnOpioids", "Must stay on opioids"],
  ["riskFactors", "Risk factors"],
];

const PREGNANCY: Readonly<Record<string, string>> = {
  yes: "yes",
  no: "no",
  unknown: "unknown",
  "not-applicable": "cannot be pregnant",
};

function valueText(key: string, value: unknown): string {
  if (value === undefined || value === null) return "not recorded";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (key === "pregnancy") return PREGNANCY[String(value)] ?? String(value);
  return String(value);
}

type Stored = { answers?: Record<string, unknown>; result?: { eligibility?: string } };

/**
 * What one rescreen changed, answer by answer, in the enrolment form's words.
 *
 * @example
 * describeScreeningChange({ before: { answers: { pregnancy: "unknown" } }, after: { answers: { pregnancy: "no" } }, ... })
 * // { changes: ["Pregnant: unknown → no"], ... }
 */
export function describeScreeningChange(change: ScreeningChange): ScreeningHistoryEntry {
  const before = change.before as Stored;
  const after = change.after as Stored;
  const changes: string[] = [];
  for (const [key, label] of LABELS) {
    const was = valueText(key, before.answers?.[key]);
    const now = valueText(key, after.answers?.[key]);
    if (was !== now) changes.push(`${label}: ${was} → ${now}`);
  }
  return {
    at: change.at,
    byName: change.byName,
    changes,
    eligibilityBefore: before.result?.eligibility ?? null,
    eligibilityAfter: after.result?.eligibility ?? null,
  };
}

/**
 * The patient's rescreens, oldest first.
 *
 * @example const history = await listScreeningHistory(tx, patientId);
 */
export async function listScreeningHistory(
  tx: Repositories,
  patientId: string,
): Promise<ScreeningHistoryEntry[]> {
  return inChainOrder(await tx.patients.screeningHistory(patientId)).map(describeScreeningChange);
}

/**
 * The rescreens oldest first, and within one instant (two saves in the same millisecond, or a
 * clock that stands still in a test) in the order they chained: each one's "before" is the
 * previous one's "after". Their ids are random, so they cannot break the tie.
 */
export function inChainOrder(changes: readonly ScreeningChange[]): ScreeningChange[] {
  const key = (screening: Readonly<Record<string, unknown>>) => JSON.stringify(screening);
  const ordered: ScreeningChange[] = [];
  let rest = changes.slice();
  while (rest.length > 0) {
    const at = rest[0]!.at;
    const sameInstant = rest.filter((c) => c.at === at);
    const last = ordered[ordered.length - 1];
    const next =
      sameInstant.find((c) => last !== undefined && key(c.before) === key(last.after)) ??
      sameInstant.find((c) => !sameInstant.some((other) => key(other.after) === key(c.before))) ??
      sameInstant[0]!;
    ordered.push(next);
    rest = rest.filter((c) => c !== next);
  }
  return ordered;
}
