/** Staff accounts over the `staff` table. */
import type { Staff, StaffRepository } from "../../app/ports/staff-repository.ts";
import type { StaffTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toStaff = (row: StaffTable): Staff => ({
  id: row.id,
  clinicId: row.clinic_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/** @example await sqlStaffRepository(ctx).findByEmail("a@clinic.example"); */
export function sqlStaffRepository(ctx: TxContext): StaffRepository {
  return {
    async create(input) {
      const row: StaffTable = {
        id: ctx.newId(),
        clinic_id: input.clinicId,
        email: input.email,
        display_name: input.displayName,
        role: input.role,
        password_hash: input.passwordHash,
        created_at: ctx.now(),
        disabled_at: null,
      };
      await ctx.trx.insertInto("staff").values(row).execute();
      await ctx.audit([{ action: "staff.create", subjectId: row.id, details: { role: row.role } }]);
      return toStaff(row);
    },
    async findByEmail(email) {
      const row = await ctx.trx.selectFrom("staff").selectAll().where("email", "=", email).executeTakeFirst();
      return row && toStaff(row);
    },
    async get(id) {
      const row = await ctx.trx.selectFrom("staff").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toStaff(row);
    },
    async listByClinic(clinicId) {
      const rows = await ctx.trx
        .selectFrom("staff")
        .selectAll()
        .where("clinic_id", "=", clinicId)
        .orderBy("display_name")
        .orderBy("id")
        .execute();
      await ctx.audit([{ action: "staff.list", details: { clinicId, staff: rows.length } }]);
      return rows.map(toStaff);
    },
    async setPassword(id, passwordHash) {
      await ctx.trx.updateTable("staff").set({ password_hash: passwordHash }).where("id", "=", id).execute();
      await ctx.audit([{ action: "staff.password", subjectId: id }]);
    },
    async disable(id) {
      await ctx.trx.updateTable("staff").set({ disabled_at: ctx.now() }).where("id", "=", id).execute();
      await ctx.audit([{ action: "staff.disable", subjectId: id }]);
    },
  };
}
