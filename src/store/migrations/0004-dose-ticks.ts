/**
 * 0004: each dose a patient ticks as taken, saved when ticked (not only with the day's
 * check-in), so a reload or another phone shows what was taken and nobody is invited to take
 * a dose twice. Append-only: never edited once landed.
 *
 * - dose_ticks: one row per patient, day and scheduled dose time while the dose is ticked as
 *   taken, with the dose, when it was ticked and by whom. Unticking removes the row (the audit
 *   log keeps both).
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("dose_ticks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("dose_date", "text", (c) => c.notNull())
    .addColumn("dose_time", "text", (c) => c.notNull())
    .addColumn("ug", "integer", (c) => c.notNull())
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("recorded_by_kind", "text", (c) => c.notNull())
    .addColumn("recorded_by_id", "text", (c) => c.notNull())
    .addUniqueConstraint("dose_ticks_patient_dose", ["patient_id", "dose_date", "dose_time"])
    .execute();
}
