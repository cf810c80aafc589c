/** Outcome questionnaires: scored when stored, so the score kept is the one the clinician saw. */
import type { QuestionnaireResponse } from "../ports/questionnaire-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import { invalidArgument, underField } from "../../domain/errors.ts";
import { scoreBpi } from "../../domain/instruments/bpi.ts";
import type { Answers, InstrumentScoring } from "../../domain/instruments/instrument.ts";
import { scoreGlobal10 } from "../../domain/instruments/promis-global10.ts";
import { scorePhysicalFunction } from "../../domain/instruments/promis-physical-function.ts";
import { ownEntry } from "../../domain/own-entry.ts";

/** The instruments the server scores, with the version stored beside each response. */
export const INSTRUMENTS: Readonly<
  Record<string, { readonly version: number; score(a: Answers): InstrumentScoring }>
> = {
  bpi: { version: 1, score: scoreBpi },
  "promis-global10": { version: 1, score: scoreGlobal10 },
  "promis-pf-4a": { version: 1, score: (a) => scorePhysicalFunction("4a", a) },
};

/**
 * Scores and stores one response. Unknown items and out-of-range answers throw, naming the item.
 *
 * @example await recordQuestionnaire(tx, patientId, "bpi", "2027-02-01", { worst: 7, least: 2, average: 5, now: 4 });
 */
export async function recordQuestionnaire(
  tx: Repositories,
  patientId: string,
  instrument: string,
  answeredOn: string,
  answers: Answers,
): Promise<QuestionnaireResponse> {
  const definition = ownEntry(INSTRUMENTS, instrument);
  if (!definition)
    throw invalidArgument("instrument", instrument, `must be one of ${Object.keys(INSTRUMENTS).join(", ")}`);
  // An item refused is named among the answers (`answers.worst`), where the request holds it.
  const scoring = underField("answers", () => definition.score(answers));
  return tx.questionnaires.create({
    patientId,
    instrument,
    instrumentVersion: definition.version,
    answeredOn: parseIsoDate(answeredOn, "answeredOn"),
    answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v ?? null])),
    scores: { scores: scoring.scores, notes: scoring.notes, title: scoring.title, loinc: scoring.loinc },
  });
}
