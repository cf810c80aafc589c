/** Outcome questionnaires (BPI, PROMIS): entered by the clinician or by the patient, scored on entry. */
import { z } from "zod/v4";
import { INSTRUMENTS, recordQuestionnaire } from "../../app/use-cases/record-questionnaire.ts";
import type { QuestionnaireResponse } from "../../app/ports/questionnaire-repository.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";

export const QuestionnaireSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  answeredOn: z.string(),
  answers: z.record(z.string(), z.number().nullable()),
  scores: z.record(z.string(), z.unknown()),
});

const dto = (q: QuestionnaireResponse) => ({
  id: q.id,
  instrument: q.instrument,
  answeredOn: q.answeredOn,
  answers: { ...q.answers },
  scores: { ...q.scores },
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
