/**
 * 0003: one diary entry per patient per day, its corrections kept. Append-only: never edited
 * once landed.
 *
 * - diary_entry_versions: the earlier versions of a day's entry, each as it was recorded (its
 *   body, key, when and by whom); the current version stays in diary_entries. A correction
 *   moves the current version here and replaces it.
 * - diary_entries.version (1 for an entry never corrected) and recorded_by_kind/_id (who
 *   recorded the current version; for entries made before 0003, taken from their audit event).
 * - Days entered more than once before 0003 become one entry: the one recorded last (the one
 *   the engine already read) stays current, the others become its earlier versions in order.
 * - A unique index on (patient_id, entry_date), so a second entry for a day cannot be stored.
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable("diary_entries")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("diary_entries").addColumn("recorded_by_kind", "text").execute();
  await db.schema.alterTable("diary_entries").addColumn("recorded_by_id", "text").execute();

  await db.schema
    .createTable("diary_entry_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull().references("diary_entries.id"))
    .addColumn("patient_id", "text", (c) => c.notNull().references("patients.id"))
    .addColumn("entry_date", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by_kind", "text")
    .addColumn("recorded_by_id", "text")
    .addUniqueConstraint("diary_entry_versions_entry_version", ["entry_id", "version"])
    // A key names one check-in: a retry of a check-in since corrected is found here.
    .addUniqueConstraint("diary_entry_versions_patient_key", ["patient_id", "idempotency_key"])
    .execute();

  // Who recorded each entry so far: the actor of its first diary.record audit event.
  await sql`
    update diary_entries set
      recorded_by_kind = (select a.actor_kind from audit_events a
        where a.action = 'diary.record' and a.subject_id = diary_entries.id order by a.id limit 1),
      recorded_by_id = (select a.actor_id from audit_events a
        where a.action = 'diary.record' and a.subject_id = diary_entries.id order by a.id limit 1)`.execute(
    db,
  );

  // Days entered more than once: every entry but the last becomes an earlier version of the last.
  await sql`
    with ranked as (
      select id, patient_id, entry_date,
        row_number() over (partition by patient_id, entry_date order by recorded_at, id) as n,
        count(*) over (partition by patient_id, entry_date) as total
      from diary_entries
    )
    insert into diary_entry_versions
      (id, entry_id, patient_id, entry_date, version, idempotency_key, body, recorded_at,
       recorded_by_kind, recorded_by_id)
    select d.id, latest.id, d.patient_id, d.entry_date, r.n, d.idempotency_key, d.body, d.recorded_at,
      d.recorded_by_kind, d.recorded_by_id
    from diary_entries d
    join ranked r on r.id = d.id
    join ranked latest on latest.patient_id = d.patient_id and latest.entry_date = d.entry_date
      and latest.n = latest.total
    where r.n < r.total`.execute(db);
  await sql`
    update diary_entries set version = 1 + (select count(*) from diary_entry_versions v
      where v.entry_id = diary_entries.id)`.execute(db);
  await sql`delete from diary_entries where id in (select id from diary_entry_versions)`.execute(db);

  await db.schema.dropIndex("diary_entries_patient_date").execute();
  await db.schema
    .createIndex("diary_entries_patient_day")
    .on("diary_entries")
    .columns(["patient_id", "entry_date"])
    .unique()
    .execute();
}
