/**
 * 0007: fills the pharmacy has dispensed, so the next fill is due when the last one runs out
 * and follows on from it. Append-only: never edited once landed.
 *
 * - dispensed_fills: one row per fill handed over: the patient, the plan it was made for, the
 *   days it covers, what was in it (each strength and its quantity, and the capsules that make
 *   each dose, as JSON), who dispensed it and when, and the client's Idempotency-Key.
 *   A retried request (the same key) is the fill already stored; the same days dispensed twice
 *   under another key are refused, so a double click or two pharmacists never give two fills.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("dispensed_fills")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
    .addColumn("fill_start", "text", (c) => c.notNull())
    .addColumn("fill_end", "text", (c) => c.notNull())
    .addColumn("days", "integer", (c) => c.notNull())
    .addColumn("lines", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("dispensed_by", "text", (c) => c.notNull())
    .addColumn("dispensed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("dispensed_fills_patient_key", ["patient_id", "idempotency_key"])
    .addUniqueConstraint("dispensed_fills_patient_start", ["patient_id", "fill_start"])
    .execute();
}
