/**
 * What a SMART launch read from the EHR, for the clinician who launched it to confirm on the
 * enrolment form: the name and screening answers, the opioids' MME. Nothing is enrolled here;
 * the EHR's access token stays on the server (see ../smart/launches.ts).
 */
import { z } from "zod/v4";
import { screenAnswers } from "../../app/use-cases/enrol-patient.ts";
import { HttpError } from "../errors.ts";
import { ScreeningAnswersSchema } from "../api/patients.ts";
import { defineRoute } from "../route.ts";
import { LAUNCHES } from "../smart/launches.ts";
import { mayWrite } from "../../fhir/smart/smart-configuration.ts";

const PrefillSchema = z.object({
  iss: z.string(),
  displayName: z.string(),
  answers: ScreeningAnswersSchema,
  /** The opioids' total morphine milligram equivalents per day as display text, or null without opioids. */
  mmeText: z.string().nullable(),
  skipped: z.array(z.string()),
  /** Whether the EHR granted ldn a write scope for Observations (for sending scores back). */
  mayWriteObservations: z.boolean(),
});

export const smartRoutes = [
  defineRoute({
    method: "get",
    path: "/api/smart/prefill/:launchId",
    summary:
      "The patient a SMART launch read from the EHR, as enrolment answers to confirm (the launching clinician only)",
    tag: "fhir",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "smart.prefill",
    params: z.object({ launchId: z.string().regex(/^[0-9a-f]{32}$/) }),
    response: PrefillSchema,
    handler: async ({ params, principal, services, tx }) => {
      const launch = LAUNCHES.get(params.launchId, principal!.sessionId, services.clock.now().getTime());
      if (launch === undefined)
        throw new HttpError("not_found", "No such SMART launch in this session", "launchId");
      await tx.audit.record({
        action: "smart.prefill",
        details: { iss: launch.iss, ehrPatient: launch.ehrPatientId, launch: launch.id },
      });
      const mme = screenAnswers(launch.prefill.answers).mme;
      return {
        body: {
          iss: launch.iss,
          displayName: launch.prefill.displayName,
          answers: launch.prefill.answers,
          mmeText: mme === null ? null : mme.totalText,
          skipped: launch.prefill.skipped,
          mayWriteObservations: mayWrite(launch.scope, "Observation"),
        },
      };
    },
  }),
];
