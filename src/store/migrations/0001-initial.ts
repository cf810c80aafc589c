/**
 * 0001: every table of the clinic server. Append-only: once landed this file never changes;
 * a change to the schema is a new numbered migration.
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

/** The sha256 "previous hash" of the first audit event: 64 zeros. */
const GENESIS_HASH = "0".repeat(64);

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("clinics")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clinic_id", "text", (c) => c.notNull().references("clinics.id"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .addCheckConstraint("staff_role", sql`role in ('administrator', 'clinician', 'pharmacist')`)
    .execute();

  await db.schema
    .createTable("patients")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clinic_id", "text", (c) => c.notNull().references("clinics.id"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("screening", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("patients_clinic").on("patients").column("clinic_id").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull().references("staff.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("protocol_id", "text", (c) => c.notNull())
    .addColumn("protocol_version", "integer", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("detector", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .execute();
  await db.schema.createIndex("plans_patient").on("plans").column("patient_id").execute();

  await db.schema
    .createTable("diary_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("entry_date", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    // A phone that retries a check-in sends the same key again; the database makes it one entry.
    .addUniqueConstraint("diary_entries_patient_key", ["patient_id", "idempotency_key"])
    .execute();
  await db.schema
    .createIndex("diary_entries_patient_date")
    .on("diary_entries")
    .columns(["patient_id", "entry_date"])
    .execute();

  await db.schema
    .createTable("questionnaire_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("instrument", "text", (c) => c.notNull())
    .addColumn("instrument_version", "integer", (c) => c.notNull())
    .addColumn("answered_on", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("scores", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("questionnaire_responses_patient")
    .on("questionnaire_responses")
    .columns(["patient_id", "answered_on"])
    .execute();

  await db.schema
    .createTable("recommendations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
    .addColumn("protocol_key", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("recommendations_patient")
    .on("recommendations")
    .columns(["patient_id", "as_of"])
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    // One decision per recommendation: a second click must not record a second, different answer.
    .addColumn("recommendation_id", "text", (c) => c.notNull().unique().references("recommendations.id"))
    .addColumn("decided_by", "text", (c) => c.notNull().references("staff.id"))
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addCheckConstraint("decisions_decision", sql`decision in ('accept', 'override')`)
    // An override without a reason is not a clinical record anyone can review later.
    .addCheckConstraint(
      "decisions_override_reason",
      sql`decision <> 'override' or (reason is not null and length(reason) > 0)`,
    )
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addCheckConstraint("sessions_subject_kind", sql`subject_kind in ('staff', 'patient')`)
    .execute();

  await createAuditTables(db, dialect);
}

async function createAuditTables(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("audit_events")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    // No foreign key: an attempt on a patient id that does not exist is audited too.
    .addColumn("patient_id", "text")
    .addColumn("subject_id", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addCheckConstraint("audit_events_outcome", sql`outcome in ('success', 'denied', 'failure')`)
    .execute();
  await db.schema
    .createIndex("audit_events_patient")
    .on("audit_events")
    .columns(["patient_id", "id"])
    .execute();

  await db.schema
    .createTable("audit_chain_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("last_id", "integer", (c) => c.notNull())
    .addColumn("last_hash", "text", (c) => c.notNull())
    .addCheckConstraint("audit_chain_head_single_row", sql`id = 1`)
    .execute();
  await sql`insert into audit_chain_head (id, last_id, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(db);

  // Append-only in the database itself, so a bug or a careless query cannot rewrite history;
  // someone who drops these triggers is still caught by the hash chain.
  if (dialect === "sqlite") {
    for (const op of ["update", "delete"]) {
      await sql
        .raw(
          `create trigger audit_events_no_${op} before ${op} on audit_events ` +
            `begin select raise(abort, 'audit_events is append-only'); end`,
        )
        .execute(db);
    }
  } else {
    await sql`
      create function ldn_audit_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db);
    await sql`
      create trigger audit_events_no_update_delete before update or delete on audit_events
      for each row execute function ldn_audit_append_only()`.execute(db);
    await sql`
      create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function ldn_audit_append_only()`.execute(db);
  }
}
