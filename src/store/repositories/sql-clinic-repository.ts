/** Clinics over the `clinics` table. */
import type { Clinic, ClinicRepository } from "../../app/ports/clinic-repository.ts";
import type { ClinicTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toClinic = (row: ClinicTable): Clinic => ({ id: row.id, name: row.name, createdAt: row.created_at });

/** @example await sqlClinicRepository(ctx).create({ name: "Northside" }); */
export function sqlClinicRepository(ctx: TxContext): ClinicRepository {
  return {
    async create({ name }) {
      const row: ClinicTable = { id: ctx.newId(), name, created_at: ctx.now() };
      await ctx.trx.insertInto("clinics").values(row).execute();
      await ctx.audit([{ action: "clinic.create", subjectId: row.id }]);
      return toClinic(row);
    },
    async get(id) {
      const row = await ctx.trx.selectFrom("clinics").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toClinic(row);
    },
    async list() {
      const rows = await ctx.trx.selectFrom("clinics").selectAll().orderBy("name").orderBy("id").execute();
      return rows.map(toClinic);
    },
  };
}
