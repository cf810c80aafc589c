/** Plans over the `plans` table. */
import type { InteractionAck, Plan, PlanRepository } from "../../app/ports/plan-repository.ts";
import type { PlanTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toPlan = (row: PlanTable): Plan => ({
  id: row.id,
  patientId: row.patient_id,
  protocolId: row.protocol_id,
  protocolVersion: Number(row.protocol_version),
  settings: JSON.parse(row.settings) as Plan["settings"],
  startDate: row.start_date,
  detector: row.detector,
  createdBy: row.created_by,
  createdAt: row.created_at,
  interactionAck: row.interaction_ack === null ? null : (JSON.parse(row.interaction_ack) as InteractionAck),
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
        interaction_ack: input.interactionAck ? JSON.stringify(input.interactionAck) : null,
      };
      await ctx.trx.insertInto("plans").values(row).execute();
      await ctx.audit([
        {
          action: "plan.create",
          patientId: row.patient_id,
          subjectId: row.id,
          details: {
            protocol: `${row.protocol_id}@${row.protocol_version}`,
            ...(input.interactionAck ? { interactionAcknowledged: input.interactionAck.reason } : {}),
          },
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
