/** Acknowledging what needs attention on a patient: who, when, and until it says something new. */
import { z } from "zod/v4";
import { acknowledgeAttention } from "../../app/use-cases/acknowledge-attention.ts";
import { PatientParams } from "../api/common.ts";
import { AcknowledgedSchema } from "../api/patients.ts";
import { defineRoute } from "../route.ts";
import { todayIn } from "../today.ts";

export const attentionRoutes = [
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/attention",
    summary:
      "Acknowledge a flag on the dashboard as it stands (its code and the facts it showed): it stops counting as work to do until it says something new; 409 when it says more by now",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "attention.acknowledge",
    params: PatientParams,
    body: z.object({
      code: z.string().min(1).max(50),
      facts: z.array(z.string().max(500)).max(500),
    }),
    response: AcknowledgedSchema,
    handler: async ({ tx, params, body, services }) =>
      acknowledgeAttention(tx, params.patientId, body, todayIn(services.clock)),
  }),
];
