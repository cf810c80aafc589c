/**
 * 0012: the dashboard's line for each patient, kept, so a clinic of ten thousand is listed,
 * filtered and counted without replaying the engine for every patient on every request.
 * Append-only: never edited once landed.
 *
 * - patients.revision: bumped by the triggers below on every write to what the dashboard line
 *   is made of (the patient row's name, screening and login code; plans, diary, recommendations,
 *   decisions, questionnaires, acknowledgements; a clinician's name shown on an
 *   acknowledgement). Triggers, so no write path has to remember it: each is one UPDATE of one
 *   patient row by its primary key (a decision finds its patient through its recommendation's
 *   primary key; a renamed clinician touches the patients they acknowledged for).
 * - patient_summaries: one line per patient, valid for the `revision`, the `day` (the engine's
 *   state depends on today: silent days) and the `format` (the code that made it) it was made
 *   for; the filter and sort columns beside the whole line as JSON.
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

/** The tables whose rows name their patient in `patient_id`. */
const PATIENT_TABLES = [
  "plans",
  "diary_entries",
  "recommendations",
  "questionnaire_responses",
  "attention_acks",
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable("patients")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("patient_summaries")
    .addColumn("patient_id", "text", (c) => c.primaryKey().references("patients.id").onDelete("cascade"))
    .addColumn("clinic_id", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("format", "integer", (c) => c.notNull())
    .addColumn("state", "text")
    .addColumn("today_ug", "integer")
    .addColumn("last_check_in", "text")
    // The codes of what needs attention, most urgent first, comma-separated ("" for none).
    .addColumn("attention", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  if (dialect === "sqlite") await sqliteTriggers(db);
  else await postgresTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (id: string) => `update patients set revision = revision + 1 where id = ${id};`;
  const run = (text: string) => sql.raw(text).execute(db);
  for (const table of PATIENT_TABLES) {
    await run(`create trigger ${table}_rev_i after insert on ${table} begin ${bump("new.patient_id")} end`);
    await run(`create trigger ${table}_rev_u after update on ${table} begin ${bump("new.patient_id")} end`);
    await run(`create trigger ${table}_rev_d after delete on ${table} begin ${bump("old.patient_id")} end`);
  }
  const ofRecommendation = (row: string) =>
    `(select patient_id from recommendations where id = ${row}.recommendation_id)`;
  await run(
    `create trigger decisions_rev_i after insert on decisions begin ${bump(ofRecommendation("new"))} end`,
  );
  await run(
    `create trigger decisions_rev_u after update on decisions begin ${bump(ofRecommendation("new"))} end`,
  );
  await run(
    `create trigger decisions_rev_d after delete on decisions begin ${bump(ofRecommendation("old"))} end`,
  );
  // "update of" these columns only: the trigger's own update of `revision` does not fire it again.
  await run(
    `create trigger patients_rev after update of display_name, screening, login_code on patients ` +
      `begin ${bump("new.id")} end`,
  );
  await run(
    `create trigger staff_rev after update of display_name on staff begin ` +
      `update patients set revision = revision + 1 where id in ` +
      `(select patient_id from attention_acks where acknowledged_by = new.id); end`,
  );
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function ldn_bump_patient_revision() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update patients set revision = revision + 1 where id = old.patient_id;
      else
        update patients set revision = revision + 1 where id = new.patient_id;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of PATIENT_TABLES)
    await sql
      .raw(
        `create trigger ${table}_revision after insert or update or delete on ${table} ` +
          `for each row execute function ldn_bump_patient_revision()`,
      )
      .execute(db);
  await sql`
    create function ldn_bump_decision_revision() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update patients set revision = revision + 1
          where id = (select patient_id from recommendations where id = old.recommendation_id);
      else
        update patients set revision = revision + 1
          where id = (select patient_id from recommendations where id = new.recommendation_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger decisions_revision after insert or update or delete on decisions
    for each row execute function ldn_bump_decision_revision()`.execute(db);
  // Before the row is written, so the patient's own update carries its new revision.
  await sql`
    create function ldn_bump_own_revision() returns trigger language plpgsql as $$
    begin new.revision := old.revision + 1; return new; end $$`.execute(db);
  await sql`
    create trigger patients_revision before update of display_name, screening, login_code on patients
    for each row execute function ldn_bump_own_revision()`.execute(db);
  await sql`
    create function ldn_bump_staff_revision() returns trigger language plpgsql as $$
    begin
      update patients set revision = revision + 1
        where id in (select patient_id from attention_acks where acknowledged_by = new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger staff_revision after update of display_name on staff
    for each row execute function ldn_bump_staff_revision()`.execute(db);
}
