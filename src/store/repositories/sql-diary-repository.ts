/** Diary entries (check-ins) over the `diary_entries` table, idempotent by client key. */
import type { DiaryEntry, DiaryRepository } from "../../app/ports/diary-repository.ts";
import type { DiaryEntryTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toEntry = (row: DiaryEntryTable): DiaryEntry => ({
  id: row.id,
  patientId: row.patient_id,
  date: row.entry_date,
  idempotencyKey: row.idempotency_key,
  body: JSON.parse(row.body) as Record<string, unknown>,
  recordedAt: row.recorded_at,
});

/** @example await sqlDiaryRepository(ctx).record({ patientId, date, idempotencyKey, body }); */
export function sqlDiaryRepository(ctx: TxContext): DiaryRepository {
  return {
    async record(input) {
      const row: DiaryEntryTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        entry_date: input.date,
        idempotency_key: input.idempotencyKey,
        body: JSON.stringify(input.body),
        recorded_at: ctx.now(),
      };
      // ON CONFLICT DO NOTHING rather than select-then-insert: two retries racing on PostgreSQL
      // both reach the unique index, the second waits for the first and then inserts nothing.
      // RETURNING gives the new row in the same statement; a replay returns nothing and reads
      // the stored entry instead.
      const inserted = await ctx.trx
        .insertInto("diary_entries")
        .values(row)
        .onConflict((oc) => oc.columns(["patient_id", "idempotency_key"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      const stored =
        inserted ??
        (await ctx.trx
          .selectFrom("diary_entries")
          .selectAll()
          .where("patient_id", "=", input.patientId)
          .where("idempotency_key", "=", input.idempotencyKey)
          .executeTakeFirstOrThrow());
      const created = stored.id === row.id;
      await ctx.audit([
        {
          action: "diary.record",
          patientId: stored.patient_id,
          subjectId: stored.id,
          details: { date: stored.entry_date, replayed: !created },
        },
      ]);
      return { entry: toEntry(stored), created };
    },
    async listForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("diary_entries")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("entry_date")
        .orderBy("recorded_at")
        .orderBy("id")
        .execute();
      await ctx.audit([{ action: "diary.list", patientId, details: { entries: rows.length } }]);
      return rows.map(toEntry);
    },
  };
}
