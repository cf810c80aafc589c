/**
 * 0011: SMART launches in the database, so several ldn processes on one PostgreSQL share them
 * without sticky sessions, and the EHR patient each ldn patient was enrolled from (issue 15).
 * Append-only: never edited once landed.
 *
 * - smart_pending_launches: between the redirect to the EHR and its callback (`state` is the
 *   key; taken once by deleting it, so a replayed state finds nothing in any process).
 * - smart_launches: after the callback: the EHR's patient, the granted scope, the access token
 *   (and refresh token when granted), which never leave the server, and the prefill JSON.
 *   Both tables hold `expires_ms` (milliseconds since the epoch); expired rows are swept.
 * - ehr_links: the ldn patient enrolled from (iss, EHR patient id); one ldn patient per EHR
 *   patient per EHR in a clinic, so a later launch opens the same chart.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("smart_pending_launches")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("iss", "text", (c) => c.notNull())
    .addColumn("verifier", "text", (c) => c.notNull())
    .addColumn("token_endpoint", "text", (c) => c.notNull())
    .addColumn("expires_ms", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("smart_launches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("iss", "text", (c) => c.notNull())
    .addColumn("ehr_patient_id", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("refresh_token", "text")
    .addColumn("token_endpoint", "text", (c) => c.notNull())
    .addColumn("expires_ms", "bigint", (c) => c.notNull())
    .addColumn("prefill", "text", (c) => c.notNull())
    .execute();
  for (const table of ["smart_pending_launches", "smart_launches"])
    await db.schema.createIndex(`${table}_expires`).on(table).column("expires_ms").execute();
  await db.schema
    .createTable("ehr_links")
    .addColumn("patient_id", "text", (c) => c.primaryKey().references("patients.id"))
    .addColumn("clinic_id", "text", (c) => c.notNull().references("clinics.id"))
    .addColumn("iss", "text", (c) => c.notNull())
    .addColumn("ehr_patient_id", "text", (c) => c.notNull())
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("ehr_links_clinic_iss_patient", ["clinic_id", "iss", "ehr_patient_id"])
    .execute();
}
