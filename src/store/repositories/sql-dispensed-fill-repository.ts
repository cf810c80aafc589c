/** Dispensed fills over `dispensed_fills`, with the dispensing staff member's name. */
import type { Selectable } from "kysely";
import type {
  DispensedFill,
  DispensedFillRepository,
  FillLines,
} from "../../app/ports/dispensed-fill-repository.ts";
import type { DispensedFillTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toFill = (row: Selectable<DispensedFillTable> & { by_name: string | null }): DispensedFill => ({
  id: row.id,
  patientId: row.patient_id,
  planId: row.plan_id,
  start: row.fill_start,
  end: row.fill_end,
  days: Number(row.days),
  lines: JSON.parse(row.lines) as FillLines,
  idempotencyKey: row.idempotency_key,
  dispensedBy: row.dispensed_by,
  dispensedByName: row.by_name,
  dispensedAt: row.dispensed_at,
});

/** @example await sqlDispensedFillRepository(ctx).listForPatient(patientId); */
export function sqlDispensedFillRepository(ctx: TxContext): DispensedFillRepository {
  const { trx } = ctx;
  const withNames = () =>
    trx
      .selectFrom("dispensed_fills")
      .leftJoin("staff", "staff.id", "dispensed_fills.dispensed_by")
      .selectAll("dispensed_fills")
      .select("staff.display_name as by_name");
  return {
    async record(input) {
      const id = ctx.newId();
      // A retry (same key) or a second dispensing of the same days writes nothing: either
      // unique constraint holds the row already there, which is then returned.
      await trx
        .insertInto("dispensed_fills")
        .values({
          id,
          patient_id: input.patientId,
          plan_id: input.planId,
          fill_start: input.start,
          fill_end: input.end,
          days: input.days,
          lines: JSON.stringify(input.lines),
          idempotency_key: input.idempotencyKey,
          dispensed_by: ctx.actor.id,
          dispensed_at: ctx.now(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const row =
        (await withNames()
          .where("dispensed_fills.patient_id", "=", input.patientId)
          .where("dispensed_fills.idempotency_key", "=", input.idempotencyKey)
          .executeTakeFirst()) ??
        (await withNames()
          .where("dispensed_fills.patient_id", "=", input.patientId)
          .where("dispensed_fills.fill_start", "=", input.start)
          .executeTakeFirstOrThrow());
      const created = row.id === id;
      await ctx.audit([
        {
          action: "fill.dispense",
          patientId: input.patientId,
          subjectId: row.id,
          details: { start: row.fill_start, end: row.fill_end, created },
        },
      ]);
      return { fill: toFill(row), created };
    },
    async listForPatient(patientId) {
      const rows = await withNames()
        .where("dispensed_fills.patient_id", "=", patientId)
        .orderBy("dispensed_fills.fill_start")
        .execute();
      await ctx.audit([{ action: "fill.list", patientId, details: { fills: rows.length } }]);
      return rows.map(toFill);
    },
    async listForClinic(clinicId) {
      const rows = await withNames()
        .innerJoin("patients", "patients.id", "dispensed_fills.patient_id")
        .where("patients.clinic_id", "=", clinicId)
        .orderBy("dispensed_fills.patient_id")
        .orderBy("dispensed_fills.fill_start")
        .execute();
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.patient_id, (counts.get(r.patient_id) ?? 0) + 1);
      await ctx.audit(
        [...counts].map(([patientId, fills]) => ({ action: "fill.list", patientId, details: { fills } })),
      );
      return rows.map(toFill);
    },
  };
}
