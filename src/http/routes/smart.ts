/**
 * SMART launches as the web app sees them: what a launch read from the EHR, for the clinician
 * who launched it to confirm on the enrolment form; linking the enrolled patient to the EHR
 * patient; and sending the patient's pain ratings and scores back. The EHR's access token stays
 * on the server (migration 0011) and is in no answer.
 */
import { z } from "zod/v4";
import { screenAnswers } from "../../app/use-cases/enrol-patient.ts";
import { notFound } from "../../domain/errors.ts";
import { mayWrite } from "../../fhir/smart/smart-configuration.ts";
import { PatientParams } from "../api/common.ts";
import { ScreeningAnswersSchema } from "../api/patients.ts";
import { actorOf } from "../principal.ts";
import { defineRoute } from "../route.ts";
import { sendToEhr } from "../smart/send-to-ehr.ts";

const LaunchId = z.string().regex(/^[0-9a-f]{32}$/);

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

const SendSummarySchema = z.object({
  iss: z.string(),
  /** What the EHR created, by kind ("pain ratings", "BPI scores"). */
  created: z.record(z.string(), z.number().int()),
  /** Sent before: the EHR found them by ldn's identifier and added nothing. */
  alreadyThere: z.number().int(),
  text: z.string(),
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
    params: z.object({ launchId: LaunchId }),
    response: PrefillSchema,
    handler: async ({ params, principal, services, tx }) => {
      const launch = await tx.smartLaunches.get(
        params.launchId,
        principal!.sessionId,
        services.clock.now().getTime(),
      );
      if (launch === undefined) throw notFound("SMART launch", "No such SMART launch in this session");
      await tx.audit.record({
        action: "smart.prefill",
        details: { iss: launch.iss, ehrPatient: launch.ehrPatientId, launch: launch.id },
      });
      const mme = screenAnswers(launch.prefill.answers).mme;
      return {
        iss: launch.iss,
        displayName: launch.prefill.displayName,
        answers: launch.prefill.answers,
        mmeText: mme === null ? null : mme.totalText,
        skipped: launch.prefill.skipped,
        mayWriteObservations: mayWrite(launch.scope, "Observation"),
      };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/ehr-link",
    summary:
      "Links a patient just enrolled from a SMART launch to the launch's EHR patient, so later launches open this chart",
    tag: "fhir",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "patient.ehr-link",
    params: PatientParams,
    body: z.object({ launch: LaunchId }),
    response: z.object({ iss: z.string() }),
    handler: async ({ params, body, principal, services, tx }) => {
      const launch = await tx.smartLaunches.get(
        body.launch,
        principal!.sessionId,
        services.clock.now().getTime(),
      );
      if (launch === undefined)
        throw notFound("SMART launch", "launch: no such SMART launch in this session");
      await tx.ehrLinks.link(
        { patientId: params.patientId, iss: launch.iss, ehrPatientId: launch.ehrPatientId },
        principal!.clinicId,
      );
      return { iss: launch.iss };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/ehr-send",
    summary:
      "Sends the patient's daily pain ratings and questionnaire scores to the EHR they were launched from (needs a write scope)",
    tag: "fhir",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "patient.ehr-send",
    params: PatientParams,
    body: z.object({ launch: LaunchId }),
    response: SendSummarySchema,
    // The EHR's answer is awaited outside any transaction (send-to-ehr.ts).
    ownTransactions: true,
    handler: ({ params, body, principal, services }) =>
      sendToEhr(services.store, actorOf(principal!), {
        patientId: params.patientId,
        launchId: body.launch,
        sessionId: principal!.sessionId,
        nowMs: services.clock.now().getTime(),
        clientId: services.smart?.clientId ?? null,
      }),
  }),
];
