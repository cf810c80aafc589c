/**
 * PROMIS Global Health (Global-10) v1.2: the ten items, the pain recode, and the Global
 * Physical Health (GPH) and Global Mental Health (GMH) raw and T-scores with standard errors.
 *
 * Source: clinical reference section 4; tables from Hays et al. 2009 (the same table is in
 * Stanford CHOIR and other public scorers; the T column was also checked against the
 * awell-health/awell-score PROMIS-10 table). In v1.2, Global08r and Global10r already run
 * 5 = best, so only the 0-10 pain rating (Global07r) is recoded.
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
  sumIfComplete,
} from "./instrument.ts";
import { HAYS_2009 } from "./sources.ts";

const TITLE = "PROMIS Global-10 v1.2";

// Items 61577-3 ... 61586-4 are Global01 ... Global10r in order (clinical reference, section 4).
const fivePoint = (id: string, label: string, loinc: string): ItemDefinition => ({
  id,
  label,
  loinc,
  min: 1,
  max: 5,
});

/** The ten Global-10 items with their LOINC codes. Global07r is answered 0-10 and recoded to 1-5. */
export const GLOBAL10_ITEMS: readonly ItemDefinition[] = Object.freeze([
  fivePoint("Global01", "General health", "61577-3"),
  fivePoint("Global02", "Quality of life", "61578-1"),
  fivePoint("Global03", "Physical health", "61579-9"),
  fivePoint("Global04", "Mental health and mood", "61580-7"),
  fivePoint("Global05", "Satisfaction with social activities", "61581-5"),
  fivePoint("Global06", "Everyday physical activities", "61582-3"),
  { id: "Global07r", label: "Average pain (0-10)", loinc: "61583-1", min: 0, max: 10 },
  fivePoint("Global08r", "Fatigue", "61584-9"),
  fivePoint("Global09", "Social roles and activities", "61585-6"),
  fivePoint("Global10r", "Emotional problems", "61586-4"),
]);

/**
 * Recodes the 0-10 pain rating to the 1-5 scale of the other items, 5 = best
 * (clinical reference: 0->5, 1-3->4, 4-6->3, 7-9->2, 10->1).
 *
 * @example recodeGlobal07r(0) // 5
 * @example recodeGlobal07r(7) // 2
 */
export function recodeGlobal07r(pain: number): number {
  if (pain === 0) return 5;
  if (pain <= 3) return 4;
  if (pain <= 6) return 3;
  if (pain <= 9) return 2;
  return 1;
}

/** GPH raw = Global03 + Global06 + Global07r (recoded) + Global08r (clinical reference). */
export const GPH_ITEMS: readonly string[] = Object.freeze(["Global03", "Global06", "Global07r", "Global08r"]);

/** GMH raw = Global02 + Global04 + Global05 + Global10r (clinical reference). */
export const GMH_ITEMS: readonly string[] = Object.freeze(["Global02", "Global04", "Global05", "Global10r"]);

/** A T-score and its standard error for one raw score. */
export interface TScoreRow {
  readonly t: number;
  readonly se: number;
}

// Hays et al. 2009 (clinical reference, section 4): raw 4..20 -> [T, SE].
const table = (rows: readonly (readonly [number, number, number])[]): ReadonlyMap<number, TScoreRow> =>
  new Map(rows.map(([raw, t, se]) => [raw, Object.freeze({ t, se })]));

/** Global Physical Health raw (4-20) to T-score with standard error, Hays et al. 2009. */
export const GPH_T_TABLE: ReadonlyMap<number, TScoreRow> = table([
  [4, 16.2, 4.8],
  [5, 19.9, 4.7],
  [6, 23.5, 4.5],
  [7, 26.7, 4.3],
  [8, 29.6, 4.2],
  [9, 32.4, 4.2],
  [10, 34.9, 4.1],
  [11, 37.4, 4.1],
  [12, 39.8, 4.1],
  [13, 42.3, 4.2],
  [14, 44.9, 4.3],
  [15, 47.7, 4.4],
  [16, 50.8, 4.6],
  [17, 54.1, 4.7],
  [18, 57.7, 4.9],
  [19, 61.9, 5.2],
  [20, 67.7, 5.9],
]);

/** Global Mental Health raw (4-20) to T-score with standard error, Hays et al. 2009. */
export const GMH_T_TABLE: ReadonlyMap<number, TScoreRow> = table([
  [4, 21.2, 4.6],
  [5, 25.1, 4.1],
  [6, 28.4, 3.9],
  [7, 31.3, 3.7],
  [8, 33.8, 3.7],
  [9, 36.3, 3.7],
  [10, 38.8, 3.6],
  [11, 41.1, 3.6],
  [12, 43.5, 3.6],
  [13, 45.8, 3.6],
  [14, 48.3, 3.7],
  [15, 50.8, 3.7],
  [16, 53.3, 3.7],
  [17, 56.0, 3.8],
  [18, 59.0, 3.9],
  [19, 62.5, 4.2],
  [20, 67.6, 5.3],
]);

interface Summary {
  readonly name: string;
  readonly items: readonly string[];
  readonly table: ReadonlyMap<number, TScoreRow>;
  readonly raw: ScoreIdentity;
  readonly t: ScoreIdentity;
}

// LOINC: GPH raw 71972-4, GPH T 71971-6, GMH raw 71970-8, GMH T 71969-0 (clinical reference).
const SUMMARIES: readonly Summary[] = [
  {
    name: "Global Physical Health",
    items: GPH_ITEMS,
    table: GPH_T_TABLE,
    raw: { id: "gph-raw", label: "Global Physical Health raw", loinc: "71972-4", source: HAYS_2009 },
    t: { id: "gph-t", label: "Global Physical Health T", loinc: "71971-6", source: HAYS_2009 },
  },
  {
    name: "Global Mental Health",
    items: GMH_ITEMS,
    table: GMH_T_TABLE,
    raw: { id: "gmh-raw", label: "Global Mental Health raw", loinc: "71970-8", source: HAYS_2009 },
    t: { id: "gmh-t", label: "Global Mental Health T", loinc: "71969-0", source: HAYS_2009 },
  },
];

/**
 * Scores a PROMIS Global-10 v1.2. Throws `invalid_argument` for an unknown item or an answer
 * out of its range (1-5; Global07r 0-10). A summary with any of its four items missing is
 * `not-computed`; Global01 and Global09 are reported as single items only.
 *
 * @example
 * scoreGlobal10({ Global02: 3, Global03: 3, Global04: 4, Global05: 3, Global06: 4, Global07r: 5, Global08r: 3, Global10r: 4 })
 * // gph-raw 13 -> gph-t 42.3 (SE 4.2); gmh-raw 14 -> gmh-t 48.3 (SE 3.7)
 */
export function scoreGlobal10(answers: Answers): InstrumentScoring {
  const values = readAnswers(TITLE, GLOBAL10_ITEMS, answers);
  const scored = scoredItems(GLOBAL10_ITEMS, values, (id, answer) =>
    id === "Global07r" ? recodeGlobal07r(answer) : answer,
  );
  const scoredValues = new Map(scored.map((item) => [item.id, item.scored]));
  return {
    instrument: "promis-global10",
    title: TITLE,
    loinc: null,
    items: scored,
    scores: SUMMARIES.flatMap((summary) => summaryScores(summary, scoredValues)),
    notes: [
      "Global07r is answered 0-10 and recoded to 1-5 before summing (0->5, 1-3->4, 4-6->3, 7-9->2, 10->1).",
      "Global01 and Global09 are single items, not part of either summary.",
    ],
  };
}

function summaryScores(summary: Summary, values: ReadonlyMap<string, number | null>): ScoreResult[] {
  const raw = sumIfComplete(summary.items, values);
  if (raw === null) {
    const missing = missingOf(summary.items, values);
    const reason = `needs all 4 of ${summary.items.join(", ")}; missing: ${missing.join(", ")}`;
    return [notComputed(summary.raw, reason, missing), notComputed(summary.t, reason, missing)];
  }
  // Every raw 4..20 is in the table: each item is range-checked before it gets here.
  const row = summary.table.get(raw)!;
  return [computed(summary.raw, raw, null, summary.items), computed(summary.t, row.t, row.se, summary.items)];
}
