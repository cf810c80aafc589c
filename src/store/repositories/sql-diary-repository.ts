/**
 * Diary entries (check-ins) over `diary_entries` (the current version of each day, one per
 * patient and date) and `diary_entry_versions` (the versions corrections replaced), idempotent
 * by client key.
 */
import type { Selectable } from "kysely";
import type {
  DiaryEntry,
  DiaryEntryVersion,
  DiaryRepository,
  RecordedBy,
} from "../../app/ports/diary-repository.ts";
import type { DiaryEntryTable, DiaryEntryVersionTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

type EntryRow = Selectable<DiaryEntryTable>;
type VersionRow = Selectable<DiaryEntryVersionTable>;

/** Names of the people who recorded entries, by actor id (staff and patients). */
type Names = ReadonlyMap<string, string>;

function recordedBy(
  row: { recorded_by_kind: string | null; recorded_by_id: string | null },
  names?: Names,
): RecordedBy | null {
  if (row.recorded_by_kind === null || row.recorded_by_id === null) return null;
  return {
    kind: row.recorded_by_kind as RecordedBy["kind"],
    id: row.recorded_by_id,
    name: names?.get(row.recorded_by_id) ?? null,
  };
}

export const toEntry = (row: EntryRow, names?: Names): DiaryEntry =>
  entryOf(row, JSON.parse(row.body) as Record<string, unknown>, names);

/** The entry of a row whose body is already at hand (just written, so not parsed again). */
const entryOf = (row: Omit<EntryRow, "body">, body: Record<string, unknown>, names?: Names): DiaryEntry => ({
  id: row.id,
  patientId: row.patient_id,
  date: row.entry_date,
  idempotencyKey: row.idempotency_key,
  body,
  recordedAt: row.recorded_at,
  version: Number(row.version ?? 1),
  recordedBy: recordedBy(row, names),
});

const toVersion = (row: VersionRow, names?: Names): DiaryEntryVersion => ({
  entryId: row.entry_id,
  date: row.entry_date,
  version: Number(row.version),
  idempotencyKey: row.idempotency_key,
  body: JSON.parse(row.body) as Record<string, unknown>,
  recordedAt: row.recorded_at,
  recordedBy: recordedBy(row, names),
});

/** An earlier version as the entry it was, for a retry of the check-in that recorded it. */
const versionAsEntry = (row: VersionRow): DiaryEntry => ({
  ...toEntry({ ...row, id: row.entry_id }),
  version: Number(row.version),
});

/** @example await sqlDiaryRepository(ctx).record({ patientId, date, idempotencyKey, body }); */
export function sqlDiaryRepository(ctx: TxContext): DiaryRepository {
  const { trx } = ctx;
  const auditRecord = (entry: DiaryEntry, details: Record<string, unknown>) =>
    ctx.audit([
      {
        action: "diary.record",
        patientId: entry.patientId,
        subjectId: entry.id,
        details: { date: entry.date, ...details },
      },
    ]);

  /** The staff's and patients' names behind the given rows' recorders, in two small queries. */
  async function namesOf(
    rows: readonly { recorded_by_kind: string | null; recorded_by_id: string | null }[],
  ): Promise<Names> {
    const ids = (kind: string) => [
      ...new Set(rows.filter((r) => r.recorded_by_kind === kind).map((r) => r.recorded_by_id!)),
    ];
    const staffIds = ids("staff");
    const patientIds = ids("patient");
    const names = new Map<string, string>();
    if (staffIds.length > 0)
      for (const s of await trx
        .selectFrom("staff")
        .select(["id", "display_name"])
        .where("id", "in", staffIds)
        .execute())
        names.set(s.id, s.display_name);
    if (patientIds.length > 0)
      for (const p of await trx
        .selectFrom("patients")
        .select(["id", "display_name"])
        .where("id", "in", patientIds)
        .execute())
        names.set(p.id, p.display_name);
    return names;
  }

  return {
    async record(input) {
      const body = JSON.stringify(input.body);
      const row = {
        id: ctx.newId(),
        patient_id: input.patientId,
        entry_date: input.date,
        idempotency_key: input.idempotencyKey,
        body,
        recorded_at: ctx.now(),
        version: 1,
        recorded_by_kind: ctx.actor.kind,
        recorded_by_id: ctx.actor.id,
      };
      // A new day: ON CONFLICT DO NOTHING rather than select-then-insert, so two retries racing
      // on PostgreSQL both reach the unique indexes (day and key); the second waits for the
      // first and then inserts nothing.
      const inserted = await trx
        .insertInto("diary_entries")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (inserted) {
        const entry = entryOf(row, input.body);
        await auditRecord(entry, { replayed: false });
        return { entry, created: true, corrected: false };
      }
      // A retry of a check-in already stored, current or since corrected: nothing changes.
      const replay = await findByKey(input.patientId, input.idempotencyKey);
      if (replay) {
        await auditRecord(replay, { replayed: true });
        return { entry: replay, created: false, corrected: false };
      }
      // Another check-in for a day already entered: a correction. The row is locked (PostgreSQL)
      // so two corrections of one day are made one after the other, each keeping the one before.
      let current = trx
        .selectFrom("diary_entries")
        .selectAll()
        .where("patient_id", "=", input.patientId)
        .where("entry_date", "=", input.date);
      if (ctx.dialect === "postgres") current = current.forUpdate();
      const before = await current.executeTakeFirstOrThrow();
      // Saved again unchanged is still a version: its key must be found on a retry, or a late
      // retry after a later correction would be taken for a new one and undo that correction.
      if (before.idempotency_key === input.idempotencyKey) {
        // The same check-in raced in under this key: nothing to keep.
        const entry = toEntry(before);
        await auditRecord(entry, { replayed: true });
        return { entry, created: false, corrected: false };
      }
      const version = Number(before.version);
      await trx
        .insertInto("diary_entry_versions")
        .values({
          id: ctx.newId(),
          entry_id: before.id,
          patient_id: before.patient_id,
          entry_date: before.entry_date,
          version,
          idempotency_key: before.idempotency_key,
          body: before.body,
          recorded_at: before.recorded_at,
          recorded_by_kind: before.recorded_by_kind,
          recorded_by_id: before.recorded_by_id,
        })
        .execute();
      const after = await trx
        .updateTable("diary_entries")
        .set({
          idempotency_key: input.idempotencyKey,
          body,
          recorded_at: row.recorded_at,
          version: version + 1,
          recorded_by_kind: row.recorded_by_kind,
          recorded_by_id: row.recorded_by_id,
        })
        .where("id", "=", before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const entry = toEntry(after);
      await auditRecord(entry, { replayed: false, corrected: true, version: entry.version });
      return { entry, created: true, corrected: true };
    },
    async listForPatient(patientId) {
      const rows = await trx
        .selectFrom("diary_entries")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("entry_date")
        .execute();
      const names = await namesOf(rows);
      await ctx.audit([{ action: "diary.list", patientId, details: { entries: rows.length } }]);
      return rows.map((r) => toEntry(r, names));
    },
    async historyForPatient(patientId) {
      const rows = await trx
        .selectFrom("diary_entry_versions")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("entry_date")
        .orderBy("version")
        .execute();
      const names = await namesOf(rows);
      await ctx.audit([{ action: "diary.history", patientId, details: { versions: rows.length } }]);
      return rows.map((r) => toVersion(r, names));
    },
  };

  async function findByKey(patientId: string, key: string): Promise<DiaryEntry | undefined> {
    const current = await trx
      .selectFrom("diary_entries")
      .selectAll()
      .where("patient_id", "=", patientId)
      .where("idempotency_key", "=", key)
      .executeTakeFirst();
    if (current) return toEntry(current);
    const earlier = await trx
      .selectFrom("diary_entry_versions")
      .selectAll()
      .where("patient_id", "=", patientId)
      .where("idempotency_key", "=", key)
      .executeTakeFirst();
    return earlier && versionAsEntry(earlier);
  }
}
