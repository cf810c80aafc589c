/**
 * 0006: a clinician's acknowledgement of what needs attention on a patient, so a flag seen
 * and dealt with stops counting as work to do, and returns only when something new happens.
 * Append-only: never edited once landed.
 *
 * - attention_acks: who acknowledged which flag and when. `facts` are what the flag said when
 *   acknowledged (each side effect on its day, each alert, the opioids and their MME...), one
 *   per line; the flag stays acknowledged while everything it says was among them.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("attention_acks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("acknowledged_by", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    // The same flag, saying the same, acknowledged twice (a double click) is one acknowledgement.
    .addUniqueConstraint("attention_acks_patient_code_facts", ["patient_id", "code", "facts"])
    .execute();
}
