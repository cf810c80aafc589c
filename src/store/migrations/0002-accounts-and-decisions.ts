/**
 * 0002: what the clinic server needs beyond 0001. Append-only: never edited once landed.
 *
 * - patients.login_code: the short code a patient logs in with, issued when they accept their
 *   invitation (patients never choose a username).
 * - plans.interaction_ack: the clinician's recorded decision to go on despite an opioid
 *   interaction alert (who, why, when), as JSON.
 * - decisions.engine_decision: what an override tells the titration engine (a clinician
 *   decision such as set-dose or stop), as JSON; the engine replays it.
 * - sessions: an index to end every session of one person at once.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("patients").addColumn("login_code", "text").execute();
  await db.schema.createIndex("patients_login_code").on("patients").column("login_code").unique().execute();
  await db.schema.alterTable("plans").addColumn("interaction_ack", "text").execute();
  await db.schema.alterTable("decisions").addColumn("engine_decision", "text").execute();
  await db.schema
    .createIndex("sessions_subject")
    .on("sessions")
    .columns(["subject_kind", "subject_id"])
    .execute();
}
