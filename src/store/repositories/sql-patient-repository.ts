/** Patients over the `patients` table; every read is audited per patient. */
import type { Patient, PatientRepository } from "../../app/ports/patient-repository.ts";
import type { PatientTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toPatient = (row: PatientTable): Patient => ({
  id: row.id,
  clinicId: row.clinic_id,
  displayName: row.display_name,
  screening: JSON.parse(row.screening) as Record<string, unknown>,
  createdAt: row.created_at,
  loginCode: row.login_code,
});

/** @example const patient = await sqlPatientRepository(ctx).get(id); */
export function sqlPatientRepository(ctx: TxContext): PatientRepository {
  return {
    async create(input) {
      const row: PatientTable = {
        id: ctx.newId(),
        clinic_id: input.clinicId,
        display_name: input.displayName,
        screening: JSON.stringify(input.screening),
        password_hash: null,
        created_at: ctx.now(),
        login_code: null,
      };
      await ctx.trx.insertInto("patients").values(row).execute();
      await ctx.audit([{ action: "patient.create", patientId: row.id, subjectId: row.id }]);
      return toPatient(row);
    },
    async get(id) {
      const row = await ctx.trx.selectFrom("patients").selectAll().where("id", "=", id).executeTakeFirst();
      await ctx.audit([
        { action: "patient.read", patientId: id, subjectId: id, outcome: row ? "success" : "failure" },
      ]);
      return row && toPatient(row);
    },
    async listByClinic(clinicId) {
      const rows = await ctx.trx
        .selectFrom("patients")
        .selectAll()
        .where("clinic_id", "=", clinicId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      // One event per patient shown, so "who has seen my record?" is answered by patient id alone.
      await ctx.audit(rows.map((r) => ({ action: "patient.list", patientId: r.id, subjectId: r.id })));
      return rows.map(toPatient);
    },
    async updateScreening(patientId, screening) {
      const old = await ctx.trx
        .selectFrom("patients")
        .select("screening")
        .where("id", "=", patientId)
        .executeTakeFirst();
      if (old) {
        await ctx.trx
          .insertInto("screening_changes")
          .values({
            id: ctx.newId(),
            patient_id: patientId,
            before: old.screening,
            after: JSON.stringify(screening),
            changed_by: ctx.actor.id,
            changed_at: ctx.now(),
          })
          .execute();
      }
      await ctx.trx
        .updateTable("patients")
        .set({ screening: JSON.stringify(screening) })
        .where("id", "=", patientId)
        .execute();
      await ctx.audit([{ action: "patient.screen", patientId, subjectId: patientId }]);
    },
    async screeningHistory(patientId) {
      const rows = await ctx.trx
        .selectFrom("screening_changes")
        .leftJoin("staff", "staff.id", "screening_changes.changed_by")
        .selectAll("screening_changes")
        .select("staff.display_name as by_name")
        .where("screening_changes.patient_id", "=", patientId)
        .orderBy("screening_changes.changed_at")
        .orderBy("screening_changes.id")
        .execute();
      await ctx.audit([
        {
          action: "patient.screening-history",
          patientId,
          subjectId: patientId,
          details: { changes: rows.length },
        },
      ]);
      return rows.map((r) => ({
        before: JSON.parse(r.before) as Record<string, unknown>,
        after: JSON.parse(r.after) as Record<string, unknown>,
        by: r.changed_by,
        byName: r.by_name ?? null,
        at: r.changed_at,
      }));
    },
    async setCredentials(patientId, loginCode, passwordHash) {
      await ctx.trx
        .updateTable("patients")
        .set({ login_code: loginCode, password_hash: passwordHash })
        .where("id", "=", patientId)
        .execute();
      await ctx.audit([{ action: "patient.join", patientId, subjectId: patientId }]);
    },
    async clinicOf(patientId) {
      const row = await ctx.trx
        .selectFrom("patients")
        .select("clinic_id")
        .where("id", "=", patientId)
        .executeTakeFirst();
      return row?.clinic_id;
    },
    async enrolledAt(patientId) {
      const row = await ctx.trx
        .selectFrom("patients")
        .select("created_at")
        .where("id", "=", patientId)
        .executeTakeFirst();
      return row?.created_at;
    },
    async findCredentials(loginCode) {
      const row = await ctx.trx
        .selectFrom("patients")
        .select(["id", "clinic_id", "password_hash"])
        .where("login_code", "=", loginCode)
        .executeTakeFirst();
      return row && { patientId: row.id, clinicId: row.clinic_id, passwordHash: row.password_hash };
    },
  };
}
