/**
 * A patient's email reminders (issue 12): at each dose time, and when a questionnaire is due,
 * sent through the clinic's SMTP server when the administrator has set one. The patient (or
 * their clinician) chooses them and gives the address.
 */
import { z } from "zod/v4";
import type { ClinicSettings } from "../../app/ports/clinic-settings-repository.ts";
import type { ReminderPreferences } from "../../app/ports/reminder-preferences-repository.ts";
import { PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";

const PreferencesBody = z.object({
  email: z.union([z.literal(""), z.email().max(200)]).describe("where reminders go; empty for none"),
  doseReminders: z.boolean().describe("an email at each dose time"),
  questionnaireNotices: z.boolean().describe("an email when a questionnaire is due"),
});

const PreferencesSchema = PreferencesBody.extend({
  /** Whether the clinic has an SMTP server set: without one no email goes. */
  clinicSendsEmail: z.boolean(),
});

const toDto = (p: ReminderPreferences, clinic: ClinicSettings | undefined) => ({
  email: p.email,
  doseReminders: p.doseReminders,
  questionnaireNotices: p.questionnaireNotices,
  clinicSendsEmail: (clinic?.smtp.host ?? "") !== "",
});

export const reminderRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/reminders",
    summary: "The patient's email reminder choices, and whether the clinic sends email at all",
    tag: "reminders",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "reminders.read",
    params: PatientParams,
    response: PreferencesSchema,
    handler: async ({ tx, params, principal }) => {
      return toDto(
        await tx.reminders.get(params.patientId),
        await tx.clinicSettings.get(principal!.clinicId),
      );
    },
  }),
  defineRoute({
    method: "put",
    path: "/api/patients/:patientId/reminders",
    summary:
      "Choose email reminders: at each dose time, and when a questionnaire is due (an address is needed for either)",
    tag: "reminders",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "reminders.set",
    params: PatientParams,
    body: PreferencesBody.refine((b) => b.email !== "" || (!b.doseReminders && !b.questionnaireNotices), {
      message: "an email address is needed for reminders",
      path: ["email"],
    }),
    response: PreferencesSchema,
    handler: async ({ tx, params, body, principal }) => {
      const saved = await tx.reminders.set({ patientId: params.patientId, ...body });
      return toDto(saved, await tx.clinicSettings.get(principal!.clinicId));
    },
  }),
];
