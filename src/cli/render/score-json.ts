/**
 * The JSON form of a questionnaire score: a stable contract (keys are only ever added).
 * Values are exact and unrounded; a score that could not be computed has `value: null`
 * with its `reason` and `missingItems`.
 */
import type { InstrumentScoring, ScoreResult } from "../../domain/instruments/instrument.ts";

/**
 * Maps a scored questionnaire to its documented JSON shape.
 *
 * @example scoreJson(scoreBpi({ worst: 7, least: 2, average: 4, now: 5 })).scores[0].value // 4.5
 */
export function scoreJson(result: InstrumentScoring) {
  return {
    instrument: result.instrument,
    title: result.title,
    loinc: result.loinc,
    items: result.items.map((item) => ({
      id: item.id,
      label: item.label,
      loinc: item.loinc,
      answer: item.answer,
      scored: item.scored,
    })),
    scores: result.scores.map(scoreEntry),
    notes: result.notes,
  };
}

function scoreEntry(score: ScoreResult) {
  const identity = { id: score.id, label: score.label, loinc: score.loinc, status: score.status };
  if (score.status === "computed") {
    return {
      ...identity,
      value: score.value,
      standardError: score.standardError,
      itemsUsed: score.itemsUsed,
      source: score.source,
    };
  }
  return {
    ...identity,
    value: null,
    standardError: null,
    reason: score.reason,
    missingItems: score.missingItems,
    source: score.source,
  };
}
