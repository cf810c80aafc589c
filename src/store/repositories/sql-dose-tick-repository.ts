/** Doses ticked as taken, over `dose_ticks`: one row per patient, day and dose time while ticked. */
import type { Selectable } from "kysely";
import type { DoseTick, DoseTickRepository } from "../../app/ports/dose-tick-repository.ts";
import type { RecordedBy } from "../../app/ports/diary-repository.ts";
import type { DoseTickTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toTick = (row: Selectable<DoseTickTable>): DoseTick => ({
  patientId: row.patient_id,
  date: row.dose_date,
  time: row.dose_time,
  ug: Number(row.ug),
  takenAt: row.taken_at,
  recordedBy: { kind: row.recorded_by_kind as RecordedBy["kind"], id: row.recorded_by_id, name: null },
});

/** @example await sqlDoseTickRepository(ctx).set({ patientId, date, time: "08:00", ug: 100, taken: true }); */
export function sqlDoseTickRepository(ctx: TxContext): DoseTickRepository {
  const { trx } = ctx;
  return {
    async set(input) {
      const where = trx
        .selectFrom("dose_ticks")
        .selectAll()
        .where("patient_id", "=", input.patientId)
        .where("dose_date", "=", input.date)
        .where("dose_time", "=", input.time);
      let tick: DoseTick | null = null;
      if (input.taken) {
        // Ticked twice (two phones, a double tap): the first tick's time stands.
        await trx
          .insertInto("dose_ticks")
          .values({
            id: ctx.newId(),
            patient_id: input.patientId,
            dose_date: input.date,
            dose_time: input.time,
            ug: input.ug,
            taken_at: ctx.now(),
            recorded_by_kind: ctx.actor.kind,
            recorded_by_id: ctx.actor.id,
          })
          .onConflict((oc) => oc.columns(["patient_id", "dose_date", "dose_time"]).doNothing())
          .execute();
        tick = toTick(await where.executeTakeFirstOrThrow());
      } else {
        await trx
          .deleteFrom("dose_ticks")
          .where("patient_id", "=", input.patientId)
          .where("dose_date", "=", input.date)
          .where("dose_time", "=", input.time)
          .execute();
      }
      await ctx.audit([
        {
          action: input.taken ? "dose.tick" : "dose.untick",
          patientId: input.patientId,
          details: { date: input.date, time: input.time, ug: input.ug },
        },
      ]);
      return tick;
    },
    async forDate(patientId, date) {
      const rows = await trx
        .selectFrom("dose_ticks")
        .selectAll()
        .where("patient_id", "=", patientId)
        .where("dose_date", "=", date)
        .orderBy("dose_time")
        .execute();
      await ctx.audit([{ action: "dose.list", patientId, details: { date, ticks: rows.length } }]);
      return rows.map(toTick);
    },
  };
}
