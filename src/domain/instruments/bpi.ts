/**
 * Brief Pain Inventory, short form: pain severity and pain interference.
 *
 * Source: clinical reference section 4 and the BPI User Guide (Cleeland 2009): severity is
 * the mean of the four 0-10 severity ratings; interference is the mean of the seven 0-10
 * interference ratings, valid only if at least 4 of the 7 are answered.
 *
 * The BPI is copyrighted (C. S. Cleeland; permission through MD Anderson): only short labels
 * are shipped here, never the item wording.
 */
import {
  type Answers,
  type InstrumentScoring,
  type ItemDefinition,
  type ScoreIdentity,
  type ScoreResult,
  computed,
  missingOf,
  notComputed,
  readAnswers,
  scoredItems,
} from "./instrument.ts";
import { BPI_USER_GUIDE } from "./sources.ts";

const TITLE = "BPI short form";

// Every BPI short-form rating is a 0-10 numeric scale (BPI User Guide).
const rating = (id: string, label: string): ItemDefinition => ({ id, label, loinc: null, min: 0, max: 10 });

/** The four pain severity items (0 = no pain, 10 = worst imaginable), in form order. */
export const BPI_SEVERITY_ITEMS: readonly ItemDefinition[] = Object.freeze([
  rating("worst", "Worst pain, last 24 h"),
  rating("least", "Least pain, last 24 h"),
  rating("average", "Average pain"),
  rating("now", "Pain right now"),
]);

/** The seven interference items (0 = does not interfere, 10 = completely interferes), in form order. */
export const BPI_INTERFERENCE_ITEMS: readonly ItemDefinition[] = Object.freeze([
  rating("activity", "General activity"),
  rating("mood", "Mood"),
  rating("walking", "Walking ability"),
  rating("work", "Normal work"),
  rating("relations", "Relations with others"),
  rating("sleep", "Sleep"),
  rating("enjoyment", "Enjoyment of life"),
]);

/** All eleven scored items of the short form. */
export const BPI_ITEMS: readonly ItemDefinition[] = Object.freeze([
  ...BPI_SEVERITY_ITEMS,
  ...BPI_INTERFERENCE_ITEMS,
]);

/** Clinical reference / BPI User Guide: interference is valid only with at least 4 of its 7 items. */
export const BPI_INTERFERENCE_MIN_ANSWERED = 4;

const SEVERITY: ScoreIdentity = {
  id: "severity",
  label: "Pain severity",
  loinc: null,
  source: BPI_USER_GUIDE,
};
// LOINC 77565-0 is the BPI interference score (clinical reference, section 4).
const INTERFERENCE: ScoreIdentity = {
  id: "interference",
  label: "Pain interference",
  loinc: "77565-0",
  source: BPI_USER_GUIDE,
};

/**
 * Scores a BPI short form. Throws `invalid_argument` for an unknown item or an answer that is
 * not a whole number from 0 to 10; missing answers leave the affected score `not-computed`.
 *
 * @example
 * scoreBpi({ worst: 8, least: 3, average: 5, now: 6, activity: 7, mood: 6, walking: 5, work: 7 })
 * // scores: severity 5.5, interference 6.25 (4 of 7 answered)
 */
export function scoreBpi(answers: Answers): InstrumentScoring {
  const values = readAnswers(TITLE, BPI_ITEMS, answers);
  return {
    instrument: "bpi",
    title: TITLE,
    loinc: null,
    items: scoredItems(BPI_ITEMS, values),
    scores: [severityScore(values), interferenceScore(values)],
    notes: [
      "Severity needs all four ratings: the published rule allows missing items only for interference.",
    ],
  };
}

function severityScore(values: ReadonlyMap<string, number | null>): ScoreResult {
  const ids = BPI_SEVERITY_ITEMS.map((i) => i.id);
  const missing = missingOf(ids, values);
  // The 4-of-7 allowance is published for interference only; a severity mean over fewer
  // items would weight the remaining ratings differently, so it is not computed.
  if (missing.length > 0) {
    return notComputed(SEVERITY, `needs all 4 severity ratings; missing: ${missing.join(", ")}`, missing);
  }
  return computed(SEVERITY, mean(ids.map((id) => values.get(id)!)), null, ids);
}

function interferenceScore(values: ReadonlyMap<string, number | null>): ScoreResult {
  const ids = BPI_INTERFERENCE_ITEMS.map((i) => i.id);
  const missing = missingOf(ids, values);
  const answered = ids.filter((id) => !missing.includes(id));
  if (answered.length < BPI_INTERFERENCE_MIN_ANSWERED) {
    return notComputed(
      INTERFERENCE,
      `needs at least ${BPI_INTERFERENCE_MIN_ANSWERED} of 7 interference ratings; ${answered.length} answered, missing: ${missing.join(", ")}`,
      missing,
    );
  }
  // The published rule: with 4 or more answered, the score is the mean of those answered.
  return computed(INTERFERENCE, mean(answered.map((id) => values.get(id)!)), null, answered);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
