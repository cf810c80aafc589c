/**
 * What every questionnaire in this folder shares: item definitions, answer checking, and
 * a score result that is either computed or says plainly why it could not be.
 *
 * A wrong answer (unknown item, out of range, not a whole number) is an error: it names the
 * item and the value, because a typo must never be scored. A missing answer is not an error:
 * the scores that need it come back `not-computed` with the reason and the missing items,
 * never as a partial sum passed off as a score.
 */
import { invalidArgument } from "../errors.ts";

/** One item of a questionnaire: its identifier, a short label (never verbatim item text), and its range. */
export interface ItemDefinition {
  readonly id: string;
  /** Short label only: item wording is copyrighted (BPI: C. S. Cleeland; PROMIS: HealthMeasures). */
  readonly label: string;
  /** LOINC code where the clinical reference gives one; null where it does not. */
  readonly loinc: string | null;
  readonly min: number;
  readonly max: number;
}

/** Answers keyed by item identifier; `null` or an absent key means the item was not answered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

/** An item as scored: the answer given and the value that enters the scores (after any recode). */
export interface ScoredItem {
  readonly id: string;
  readonly label: string;
  readonly loinc: string | null;
  readonly answer: number | null;
  readonly scored: number | null;
}

/** A score that could be computed from the answers given. */
export interface ComputedScore {
  readonly status: "computed";
  readonly id: string;
  readonly label: string;
  readonly loinc: string | null;
  readonly value: number;
  /** Standard error where the published table gives one (PROMIS T-scores); otherwise null. */
  readonly standardError: number | null;
  readonly itemsUsed: readonly string[];
  readonly source: string;
}

/** A score that could not be computed, with the reason and the items whose answers are missing. */
export interface UncomputedScore {
  readonly status: "not-computed";
  readonly id: string;
  readonly label: string;
  readonly loinc: string | null;
  readonly reason: string;
  readonly missingItems: readonly string[];
  readonly source: string;
}

export type ScoreResult = ComputedScore | UncomputedScore;

/** The result of scoring one questionnaire. */
export interface InstrumentScoring {
  readonly instrument: string;
  readonly title: string;
  /** LOINC code of the form (panel) where the clinical reference gives one. */
  readonly loinc: string | null;
  readonly items: readonly ScoredItem[];
  readonly scores: readonly ScoreResult[];
  readonly notes: readonly string[];
}

/** The identity of a score: what both computed and uncomputed results carry. */
export interface ScoreIdentity {
  readonly id: string;
  readonly label: string;
  readonly loinc: string | null;
  readonly source: string;
}

/**
 * Checks answers against the item definitions and returns each item's answer (null if missing).
 * Throws `invalid_argument` naming the item for an unknown item, a non-integer or an
 * out-of-range answer.
 *
 * @example readAnswers("BPI short form", BPI_ITEMS, { worst: 7 }).get("worst") // 7
 */
export function readAnswers(
  title: string,
  items: readonly ItemDefinition[],
  answers: Answers,
): ReadonlyMap<string, number | null> {
  const known = new Map(items.map((item) => [item.id, item]));
  for (const [id, value] of Object.entries(answers)) {
    if (!known.has(id)) {
      throw invalidArgument(
        id,
        value,
        `is not an item of ${title} (items: ${items.map((i) => i.id).join(", ")})`,
      );
    }
  }
  return new Map(items.map((item) => [item.id, checkedAnswer(item, answers[item.id])]));
}

function checkedAnswer(item: ItemDefinition, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < item.min || value > item.max) {
    throw invalidArgument(item.id, value, `must be a whole number from ${item.min} to ${item.max}`);
  }
  return value;
}

/**
 * Items with no answer, in definition order.
 *
 * @example missingOf(["worst", "least"], new Map([["worst", 7], ["least", null]])) // ["least"]
 */
export function missingOf(ids: readonly string[], values: ReadonlyMap<string, number | null>): string[] {
  return ids.filter((id) => values.get(id) === null || values.get(id) === undefined);
}

/**
 * Sum of the items when every one of them is answered; null when any is missing, because a
 * sum over fewer items is on a different scale and must not be read as the score.
 *
 * @example sumIfComplete(["a", "b"], new Map([["a", 2], ["b", 3]])) // 5
 */
export function sumIfComplete(
  ids: readonly string[],
  values: ReadonlyMap<string, number | null>,
): number | null {
  if (missingOf(ids, values).length > 0) return null;
  return ids.reduce((total, id) => total + values.get(id)!, 0);
}

/**
 * Builds a computed score.
 *
 * @example computed({ id: "severity", label: "Pain severity", loinc: null, source: "BPI" }, 5.25, null, ["worst"])
 */
export function computed(
  identity: ScoreIdentity,
  value: number,
  standardError: number | null,
  itemsUsed: readonly string[],
): ComputedScore {
  return { status: "computed", ...identity, value, standardError, itemsUsed };
}

/**
 * Builds an uncomputed score with its reason and missing items.
 *
 * @example notComputed({ id: "severity", label: "Pain severity", loinc: null, source: "BPI" }, "needs all 4 items", ["now"])
 */
export function notComputed(
  identity: ScoreIdentity,
  reason: string,
  missingItems: readonly string[],
): UncomputedScore {
  return { status: "not-computed", ...identity, reason, missingItems };
}

/**
 * The items as scored, with an optional recode for items whose scored value differs from the answer.
 *
 * @example scoredItems(BPI_ITEMS, readAnswers("BPI", BPI_ITEMS, { worst: 7 }))[0].scored // 7
 */
export function scoredItems(
  items: readonly ItemDefinition[],
  values: ReadonlyMap<string, number | null>,
  recode: (id: string, answer: number) => number = (_id, answer) => answer,
): ScoredItem[] {
  return items.map((item) => {
    const answer = values.get(item.id) ?? null;
    return {
      id: item.id,
      label: item.label,
      loinc: item.loinc,
      answer,
      scored: answer === null ? null : recode(item.id, answer),
    };
  });
}
