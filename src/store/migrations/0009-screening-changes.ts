/**
 * 0009: a patient's screening history. Screening can be done again (the pregnancy status now
 * known, opioids started or stopped); the patient row keeps only the screening that holds, so
 * each change is kept here: who changed it, when, and the screening before and after.
 * Append-only: never edited once landed.
 *
 * - screening_changes: one row per rescreen; `before` and `after` are the stored screening
 *   JSON (answers and result) as they were.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("screening_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("before", "text", (c) => c.notNull())
    .addColumn("after", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("screening_changes_patient")
    .on("screening_changes")
    .columns(["patient_id", "changed_at"])
    .execute();
}
