/** A patient's screening history: each rescreen, who, when, what changed. */
import { z } from "zod/v4";
import { listScreeningHistory } from "../../app/use-cases/list-screening-history.ts";
import { PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";

const ScreeningHistoryEntrySchema = z.object({
  at: z.string(),
  byName: z.string().nullable(),
  changes: z.array(z.string()).describe('each answer that changed, e.g. "Pregnant: unknown → no"'),
  eligibilityBefore: z.string().nullable(),
  eligibilityAfter: z.string().nullable(),
});

export const screeningHistoryRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/screening-history",
    summary: "Every rescreen of the patient, oldest first: who, when, each answer that changed, eligibility",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "patient.screening-history",
    params: PatientParams,
    response: z.array(ScreeningHistoryEntrySchema),
    handler: async ({ tx, params }) => listScreeningHistory(tx, params.patientId),
  }),
];
