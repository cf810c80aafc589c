/**
 * PROMIS Physical Function short form 4a (v2.0): four items scored 5 (without any difficulty)
 * to 1 (unable to do), raw = sum (4-20), raw to T-score by the published table.
 *
 * PROVENANCE OF THE T-SCORE TABLE, stated plainly: the table must come from the HealthMeasures
 * PROMIS Physical Function Scoring Manual (short form v2.0, 4a). That manual could not be
 * consulted while writing this file. The table below is the clinical reference's secondary
 * copy, checked row by row against one independent secondary copy (the PF 4a lookup of a
 * public R analysis script on GitHub, labelled "from promis manual"; the search tool did not
 * name its repository), which agrees on all 17 T-scores.
 * Two other public copies disagree and were rejected as evidently wrong: the MII PROMIS-29
 * FHIR questionnaire (medizininformatik-initiative/kerndatensatzmodul-proms) whose PF
 * expression repeats its social-roles table, and an app table (16.2 ... 57.0) that matches
 * no other copy. Standard errors are left out: only one secondary copy gave them.
 * Check this table against the manual before relying on it for research.
 *
 * Only 4a is scored. The other forms in the clinical reference (6b, 8b, 10a, 20a) are
 * refused rather than scored with an unverified table.
 */
import { invalidArgument } from "../errors.ts";
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
  sumIfComplete,
} from "./instrument.ts";
import { PF_4A_TABLE_PROVENANCE, PF_SCORING_MANUAL } from "./sources.ts";

// Item identifiers are the PROMIS item codes of PF 4a; labels are short, never item wording.
const item = (id: string, label: string): ItemDefinition => ({ id, label, loinc: null, min: 1, max: 5 });

/** The four items of PF 4a, in form order, each 1 (unable to do) to 5 (without any difficulty). */
export const PF_4A_ITEMS: readonly ItemDefinition[] = Object.freeze([
  item("PFA11", "Household chores"),
  item("PFA21", "Stairs at a normal pace"),
  item("PFA23", "A 15-minute walk"),
  item("PFA53", "Errands and shopping"),
]);

/**
 * PF 4a v2.0 raw (4-20) to T-score. Secondary copy from the clinical reference, verified
 * against one independent secondary copy only; see the provenance note at the top of this file.
 */
export const PF_4A_T_TABLE: ReadonlyMap<number, number> = new Map([
  [4, 22.5],
  [5, 26.6],
  [6, 28.9],
  [7, 30.5],
  [8, 31.9],
  [9, 33.2],
  [10, 34.4],
  [11, 35.6],
  [12, 36.7],
  [13, 37.9],
  [14, 39.2],
  [15, 40.5],
  [16, 41.9],
  [17, 43.5],
  [18, 45.5],
  [19, 48.3],
  [20, 57.0],
]);

/** The short forms the clinical reference names, with their LOINC codes. */
export const PF_FORM_LOINC: Readonly<Record<string, string>> = Object.freeze({
  "4a": "76700-4",
  "6b": "76804-4",
  "8b": "76805-1",
  "10a": "62199-5",
  "20a": "76702-0",
});

/** The forms this module scores: only those with a table cited in code. */
export const SCORED_PF_FORMS: readonly string[] = Object.freeze(["4a"]);

const TITLE = "PROMIS Physical Function 4a v2.0";
const RAW: ScoreIdentity = {
  id: "pf-raw",
  label: "Physical Function raw",
  loinc: null,
  source: PF_SCORING_MANUAL,
};
const T: ScoreIdentity = {
  id: "pf-t",
  label: "Physical Function T",
  loinc: null,
  source: `${PF_SCORING_MANUAL}; ${PF_4A_TABLE_PROVENANCE}`,
};

/**
 * Scores a PROMIS Physical Function short form. Throws `invalid_argument` for a form with no
 * verified table, an unknown item, or an answer that is not a whole number from 1 to 5. With
 * any item missing, the raw and T-scores are `not-computed` (no prorating).
 *
 * @example
 * scorePhysicalFunction("4a", { PFA11: 3, PFA21: 2, PFA23: 4, PFA53: 3 })
 * // pf-raw 12 -> pf-t 36.7
 */
export function scorePhysicalFunction(form: string, answers: Answers): InstrumentScoring {
  if (!SCORED_PF_FORMS.includes(form)) throw unscoredForm(form);
  const values = readAnswers(TITLE, PF_4A_ITEMS, answers);
  return {
    instrument: "promis-pf-4a",
    title: TITLE,
    loinc: PF_FORM_LOINC["4a"]!,
    items: scoredItems(PF_4A_ITEMS, values),
    scores: pfScores(values),
    notes: [
      "T-score table verified against secondary copies only (the clinical reference and one independent copy), not the HealthMeasures manual itself.",
    ],
  };
}

function pfScores(values: ReadonlyMap<string, number | null>): ScoreResult[] {
  const ids = PF_4A_ITEMS.map((i) => i.id);
  const raw = sumIfComplete(ids, values);
  if (raw === null) {
    const missing = missingOf(ids, values);
    // The clinical reference gives no prorating rule, so a short form with a gap is not scored.
    const reason = `needs all 4 items; missing: ${missing.join(", ")}`;
    return [notComputed(RAW, reason, missing), notComputed(T, reason, missing)];
  }
  return [computed(RAW, raw, null, ids), computed(T, PF_4A_T_TABLE.get(raw)!, null, ids)];
}

function unscoredForm(form: string) {
  const known = Object.keys(PF_FORM_LOINC);
  const why = known.includes(form)
    ? `no raw-to-T table for this form is cited in code; scored forms: ${SCORED_PF_FORMS.join(", ")}`
    : `unknown form; forms: ${known.join(", ")} (scored: ${SCORED_PF_FORMS.join(", ")})`;
  return invalidArgument("form", form, why);
}
