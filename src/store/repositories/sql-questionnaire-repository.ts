/** Questionnaire responses over `questionnaire_responses`. */
import type {
  QuestionnaireRepository,
  QuestionnaireResponse,
} from "../../app/ports/questionnaire-repository.ts";
import type { QuestionnaireResponseTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toResponse = (row: QuestionnaireResponseTable): QuestionnaireResponse => ({
  id: row.id,
  patientId: row.patient_id,
  instrument: row.instrument,
  instrumentVersion: Number(row.instrument_version),
  answeredOn: row.answered_on,
  answers: JSON.parse(row.answers) as Record<string, number | null>,
  scores: JSON.parse(row.scores) as Record<string, unknown>,
  recordedAt: row.recorded_at,
});

/** @example await sqlQuestionnaireRepository(ctx).listForPatient(patientId); */
export function sqlQuestionnaireRepository(ctx: TxContext): QuestionnaireRepository {
  return {
    async create(input) {
      const row: QuestionnaireResponseTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        instrument: input.instrument,
        instrument_version: input.instrumentVersion,
        answered_on: input.answeredOn,
        answers: JSON.stringify(input.answers),
        scores: JSON.stringify(input.scores),
        recorded_at: ctx.now(),
      };
      await ctx.trx.insertInto("questionnaire_responses").values(row).execute();
      await ctx.audit([
        {
          action: "questionnaire.create",
          patientId: row.patient_id,
          subjectId: row.id,
          details: { instrument: row.instrument, answeredOn: row.answered_on },
        },
      ]);
      return toResponse(row);
    },
    async listForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("questionnaire_responses")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("answered_on")
        .orderBy("recorded_at")
        .execute();
      await ctx.audit([{ action: "questionnaire.list", patientId, details: { responses: rows.length } }]);
      return rows.map(toResponse);
    },
  };
}
