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
 * - audit_chain_head follows each appended audit event by trigger, in the database itself,
 *   so an append is one statement fewer (the check-in path's lock is shorter).
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable("patients").addColumn("login_code", "text").execute();
  await db.schema.createIndex("patients_login_code").on("patients").column("login_code").unique().execute();
  await db.schema.alterTable("plans").addColumn("interaction_ack", "text").execute();
  await db.schema.alterTable("decisions").addColumn("engine_decision", "text").execute();
  await db.schema
    .createIndex("sessions_subject")
    .on("sessions")
    .columns(["subject_kind", "subject_id"])
    .execute();
  if (dialect === "sqlite") {
    await sql`
      create trigger audit_events_move_head after insert on audit_events
      begin update audit_chain_head set last_id = new.id, last_hash = new.hash where id = 1; end`.execute(db);
  } else {
    await sql`
      create function ldn_audit_move_head() returns trigger language plpgsql as $$
      begin update audit_chain_head set last_id = new.id, last_hash = new.hash where id = 1; return null; end $$`.execute(
      db,
    );
    await sql`
      create trigger audit_events_move_head after insert on audit_events
      for each row execute function ldn_audit_move_head()`.execute(db);
  }
}
