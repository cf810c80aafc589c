/** Patients' email reminder choices over `reminder_preferences`. */
import type { ReminderPreferencesRepository } from "../../app/ports/reminder-preferences-repository.ts";
import type { TxContext } from "./context.ts";

/** @example await sqlReminderPreferencesRepository(ctx).get(patientId); */
export function sqlReminderPreferencesRepository(ctx: TxContext): ReminderPreferencesRepository {
  const { trx } = ctx;
  return {
    async get(patientId) {
      const row = await trx
        .selectFrom("reminder_preferences")
        .selectAll()
        .where("patient_id", "=", patientId)
        .executeTakeFirst();
      await ctx.audit([{ action: "reminders.read", patientId }]);
      return {
        patientId,
        email: row?.email ?? "",
        doseReminders: Number(row?.dose_reminders ?? 0) === 1,
        questionnaireNotices: Number(row?.questionnaire_notices ?? 0) === 1,
      };
    },
    async set(p) {
      const values = {
        email: p.email,
        dose_reminders: p.doseReminders ? 1 : 0,
        questionnaire_notices: p.questionnaireNotices ? 1 : 0,
        updated_at: ctx.now(),
      };
      await trx
        .insertInto("reminder_preferences")
        .values({ patient_id: p.patientId, ...values })
        .onConflict((oc) => oc.column("patient_id").doUpdateSet(values))
        .execute();
      await ctx.audit([
        {
          action: "reminders.set",
          patientId: p.patientId,
          details: { doseReminders: p.doseReminders, questionnaireNotices: p.questionnaireNotices },
        },
      ]);
      return p;
    },
    async recipients() {
      const rows = await trx
        .selectFrom("reminder_preferences")
        .innerJoin("patients", "patients.id", "reminder_preferences.patient_id")
        .selectAll("reminder_preferences")
        .select("patients.clinic_id")
        .where("reminder_preferences.email", "<>", "")
        .where((eb) => eb.or([eb("dose_reminders", "=", 1), eb("questionnaire_notices", "=", 1)]))
        .orderBy("reminder_preferences.patient_id")
        .execute();
      await ctx.audit([{ action: "reminders.scan", details: { patients: rows.length } }]);
      return rows.map((r) => ({
        patientId: r.patient_id,
        clinicId: r.clinic_id,
        email: r.email,
        doseReminders: Number(r.dose_reminders) === 1,
        questionnaireNotices: Number(r.questionnaire_notices) === 1,
      }));
    },
  };
}
