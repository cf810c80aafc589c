/** Outcome questionnaires (BPI, PROMIS): entered by the clinician or by the patient, scored on entry. */
import { z } from "zod/v4";
import { INSTRUMENTS, recordQuestionnaire } from "../../app/use-cases/record-questionnaire.ts";
import type { QuestionnaireResponse } from "../../app/ports/questionnaire-repository.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";

/** One score of an instrument (src/domain/instruments/instrument.ts: ScoreResult). */
const ScoreSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("computed"),
    id: z.string(),
    label: z.string(),
    loinc: z.string().nullable(),
    value: z.number(),
    standardError: z.number().nullable().describe("where the published table gives one (PROMIS T-scores)"),
    itemsUsed: z.array(z.string()),
    source: z.string(),
  }),
  z.object({
    status: z.literal("not-computed"),
    id: z.string(),
    label: z.string(),
    loinc: z.string().nullable(),
    reason: z.string(),
    missingItems: z.array(z.string()),
    source: z.string(),
  }),
]);

/** The scoring as stored when the questionnaire was recorded (record-questionnaire.ts). */
export const QuestionnaireScoresSchema = z.object({
  title: z.string(),
  loinc: z.string().nullable().describe("the form's LOINC panel, where the clinical reference gives one"),
  scores: z.array(ScoreSchema),
  notes: z.array(z.string()),
});
type QuestionnaireScores = z.infer<typeof QuestionnaireScoresSchema>;

export const QuestionnaireSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  answeredOn: z.string(),
  answers: z.record(z.string(), z.number().nullable()),
  scores: QuestionnaireScoresSchema,
});
export type QuestionnaireDto = z.infer<typeof QuestionnaireSchema>;

const dto = (q: QuestionnaireResponse) => ({
  id: q.id,
  instrument: q.instrument,
  answeredOn: q.answeredOn,
  answers: { ...q.answers },
  // Stored as JSON by record-questionnaire.ts in this shape; the port keeps it opaque.
  scores: q.scores as unknown as QuestionnaireScores,
});

export const questionnaireRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/questionnaires",
    summary: "The patient's questionnaire responses with their scores, oldest first",
    tag: "questionnaires",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "questionnaire.list",
    params: PatientParams,
    response: z.array(QuestionnaireSchema),
    handler: async ({ tx, params }) => (await tx.questionnaires.listForPatient(params.patientId)).map(dto),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/questionnaires",
    summary: `Record and score a questionnaire (${Object.keys(INSTRUMENTS).join(", ")})`,
    tag: "questionnaires",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "questionnaire.create",
    params: PatientParams,
    body: z.object({
      instrument: z.string(),
      answeredOn: IsoDateSchema,
      answers: z.record(z.string(), z.number().nullable()),
    }),
    response: QuestionnaireSchema,
    successStatus: 201,
    handler: async ({ tx, params, body }) =>
      dto(await recordQuestionnaire(tx, params.patientId, body.instrument, body.answeredOn, body.answers)),
  }),
];
