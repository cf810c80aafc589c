/** Patients: the dashboard list, enrolment with screening, one patient's record, invitations. */
import { z } from "zod/v4";
import { summarisePatient } from "../../app/use-cases/summarise-patient.ts";
import { enrolPatient, storedScreening } from "../../app/use-cases/enrol-patient.ts";
import { rescreenPatient } from "../../app/use-cases/rescreen-patient.ts";
import type { Patient } from "../../app/ports/patient-repository.ts";
import { formatDose } from "../../domain/dose.ts";
import { newToken, tokenHash } from "../../app/tokens.ts";
import { alertDto } from "../api/alerts.ts";
import { PatientParams } from "../api/common.ts";
import { PatientDetailSchema, PatientSummarySchema, ScreeningAnswersSchema } from "../api/patients.ts";
import { defineRoute } from "../route.ts";
import { todayIn } from "../today.ts";

const detail = (p: Patient) => ({
  id: p.id,
  displayName: p.displayName,
  enrolledAt: p.createdAt,
  joined: p.loginCode !== null,
  screening: storedScreening(p) as unknown as z.infer<typeof PatientDetailSchema>["screening"],
});

export const patientRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients",
    summary: "The clinic's patients at a glance: state, today's dose, last check-in, what needs attention",
    tag: "patients",
    access: { kind: "clinic", roles: ["clinician", "pharmacist"] },
    action: "patient.summary",
    query: z.object({
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    response: z.array(PatientSummarySchema),
    handler: async ({ tx, principal, query, services }) => {
      const today = query.today ?? todayIn(services.clock);
      // Pharmacists dispense what the engine gives each patient today, so their list is made
      // from the same diary and decisions (the same todayUg and state as the clinician's), but
      // shows none of the clinical detail: no check-ins, alerts or what needs attention.
      const clinical = principal!.kind === "staff" && principal!.role === "clinician";
      const all = await tx.records.forClinic(principal!.clinicId, {
        scope: clinical ? "clinical" : "dosing",
      });
      return all.map((records) => {
        const s = summarisePatient(records, today);
        const shown = clinical
          ? s
          : {
              ...s,
              medUg: null,
              lastCheckIn: null,
              daysSinceCheckIn: null,
              alerts: [],
              attention: s.attention.filter((a) => a.code === "no-plan"),
              acknowledged: [],
            };
        return {
          ...shown,
          alerts: shown.alerts.map(alertDto),
          today: shown.todayUg === null ? null : formatDose(shown.todayUg),
        };
      });
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients",
    summary: "Enrol a patient with their screening (004 criteria, opioids and MME, OIH risk factors)",
    tag: "patients",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "patient.create",
    body: z.object({ displayName: z.string().trim().min(1).max(200), screening: ScreeningAnswersSchema }),
    response: PatientDetailSchema,
    successStatus: 201,
    handler: async ({ tx, principal, body }) =>
      detail(await enrolPatient(tx, principal!.clinicId, body.displayName, body.screening)),
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId",
    summary: "One patient's record and screening",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "patient.read",
    params: PatientParams,
    response: PatientDetailSchema,
    handler: async ({ tx, params }) => detail((await tx.patients.get(params.patientId))!),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/screening",
    summary:
      "Screen a patient again (e.g. once the pregnancy status is known): the new screening replaces the old one",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "patient.screen",
    params: PatientParams,
    body: ScreeningAnswersSchema,
    response: PatientDetailSchema,
    handler: async ({ tx, params, body }) => detail(await rescreenPatient(tx, params.patientId, body)),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/invitations",
    summary: "A single-use invitation link for the patient to join (shown once; only its hash is kept)",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "invitation.create",
    params: PatientParams,
    body: z.object({}).optional(),
    response: z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }),
    successStatus: 201,
    handler: async ({ tx, params, services }) => {
      const token = newToken();
      const expiresAt = new Date(
        services.clock.now().getTime() + services.settings.invitationDays * 86_400_000,
      ).toISOString();
      // Only the newest link works: an older one, perhaps sent to an old address, stops now.
      await tx.invitations.revokeUnused(params.patientId);
      await tx.invitations.create({ patientId: params.patientId, tokenHash: tokenHash(token), expiresAt });
      return { token, path: `/join#${token}`, expiresAt };
    },
  }),
];
