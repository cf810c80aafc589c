/** Plans over the `plans` table. */
import type { Plan, PlanRepository } from "../../app/ports/plan-repository.ts";
import type { PlanTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toPlan = (row: PlanTable): Plan => ({
  id: row.id,
  patientId: row.patient_id,
  protocolId: row.protocol_id,
  protocolVersion: Number(row.protocol_version),
  settings: JSON.parse(row.settings) as Record<string, string>,
  startDate: row.start_date,
  detector: row.detector,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** @example await sqlPlanRepository(ctx).listForPatient(patientId); */
export function sqlPlanRepository(ctx: TxContext): PlanRepository {
  return {
    async create(input) {
      const row: PlanTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        protocol_id: input.protocolId,
        protocol_version: input.protocolVersion,
        settings: JSON.stringify(input.settings),
        start_date: input.startDate,
        detector: input.detector,
        created_by: ctx.actor.id,
        created_at: ctx.now(),
        ended_at: null,
      };
      await ctx.trx.insertInto("plans").values(row).execute();
      await ctx.audit([
        {
          action: "plan.create",
          patientId: row.patient_id,
          subjectId: row.id,
          details: { protocol: `${row.protocol_id}@${row.protocol_version}` },
        },
      ]);
      return toPlan(row);
    },
    async listForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("plans")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      await ctx.audit([{ action: "plan.list", patientId }]);
      return rows.map(toPlan);
    },
  };
}
