/** Clinic settings over `clinics` (the name) and `clinic_settings` (phone, SMTP). */
import type { ClinicSettings, ClinicSettingsRepository } from "../../app/ports/clinic-settings-repository.ts";
import type { TxContext } from "./context.ts";

/** @example await sqlClinicSettingsRepository(ctx).get(clinicId); */
export function sqlClinicSettingsRepository(ctx: TxContext): ClinicSettingsRepository {
  const { trx } = ctx;
  return {
    async get(clinicId) {
      const row = await trx
        .selectFrom("clinics")
        .leftJoin("clinic_settings", "clinic_settings.clinic_id", "clinics.id")
        .select([
          "clinics.id",
          "clinics.name",
          "clinic_settings.phone",
          "clinic_settings.smtp_host",
          "clinic_settings.smtp_port",
          "clinic_settings.smtp_secure",
          "clinic_settings.smtp_user",
          "clinic_settings.smtp_from",
        ])
        .where("clinics.id", "=", clinicId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        clinicId: row.id,
        name: row.name,
        phone: row.phone ?? "",
        smtp: {
          host: row.smtp_host ?? "",
          // 587: message submission with STARTTLS (RFC 6409), the usual port when none is set.
          port: row.smtp_port === null ? 587 : Number(row.smtp_port),
          secure: Number(row.smtp_secure ?? 0) === 1,
          user: row.smtp_user ?? "",
          from: row.smtp_from ?? "",
        },
      };
    },
    async save(settings: ClinicSettings) {
      await trx
        .updateTable("clinics")
        .set({ name: settings.name })
        .where("id", "=", settings.clinicId)
        .execute();
      const values = {
        phone: settings.phone,
        smtp_host: settings.smtp.host,
        smtp_port: settings.smtp.port,
        smtp_secure: settings.smtp.secure ? 1 : 0,
        smtp_user: settings.smtp.user,
        smtp_from: settings.smtp.from,
        updated_at: ctx.now(),
        updated_by: ctx.actor.id,
      };
      await trx
        .insertInto("clinic_settings")
        .values({ clinic_id: settings.clinicId, ...values })
        .onConflict((oc) => oc.column("clinic_id").doUpdateSet(values))
        .execute();
      await ctx.audit([
        {
          action: "clinic.settings",
          subjectId: settings.clinicId,
          details: { smtp: settings.smtp.host !== "" },
        },
      ]);
      return settings;
    },
  };
}
