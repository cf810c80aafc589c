/**
 * 0008: what reminds a patient of each dose with the app closed, and what the administrator sets
 * for the clinic. Append-only: never edited once landed.
 *
 * - clinic_settings: one row per clinic: the phone number printed for patients, and the SMTP
 *   server reminders are sent through (host, port, TLS, user, from address). The SMTP password
 *   is never stored here: it comes from the LDN_SMTP_PASSWORD environment variable.
 * - calendar_feeds: a patient's private calendar feed. Only the sha256 of the secret in the URL
 *   is kept; a feed revoked or replaced keeps its row with `revoked_at` set, for the record.
 * - reminder_preferences: whether, and where, a patient gets email reminders.
 * - outbox: each email to send, kept until sent, so a restart loses none. `dedupe_key` is unique
 *   so the same reminder (a patient's dose at a time on a day) is queued once however often the
 *   dispatcher looks.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("clinic_settings")
    .addColumn("clinic_id", "text", (c) => c.primaryKey().references("clinics.id"))
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("smtp_host", "text", (c) => c.notNull())
    .addColumn("smtp_port", "integer", (c) => c.notNull())
    .addColumn("smtp_secure", "integer", (c) => c.notNull())
    .addColumn("smtp_user", "text", (c) => c.notNull())
    .addColumn("smtp_from", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by_kind", "text", (c) => c.notNull())
    .addColumn("created_by_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("calendar_feeds_patient").on("calendar_feeds").column("patient_id").execute();
  await db.schema
    .createTable("reminder_preferences")
    .addColumn("patient_id", "text", (c) => c.primaryKey().references("patients.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("dose_reminders", "integer", (c) => c.notNull())
    .addColumn("questionnaire_notices", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clinic_id", "text", (c) => c.notNull().references("clinics.id"))
    .addColumn("patient_id", "text", (c) => c.references("patients.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_unsent").on("outbox").columns(["sent_at", "next_attempt_at"]).execute();
}
