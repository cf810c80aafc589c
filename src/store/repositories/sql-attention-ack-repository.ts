/** Acknowledgements of what needs attention, over `attention_acks`. */
import type { Selectable } from "kysely";
import type { AttentionAck, AttentionAckRepository } from "../../app/ports/attention-ack-repository.ts";
import type { AttentionAckTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toAck = (row: Selectable<AttentionAckTable> & { by_name?: string | null }): AttentionAck => ({
  patientId: row.patient_id,
  code: row.code,
  facts: row.facts === "" ? [] : row.facts.split("\n"),
  by: row.acknowledged_by,
  byName: row.by_name ?? null,
  at: row.acknowledged_at,
});

/** @example await sqlAttentionAckRepository(ctx).acknowledge({ patientId, code, facts }); */
export function sqlAttentionAckRepository(ctx: TxContext): AttentionAckRepository {
  const { trx } = ctx;
  const withNames = () =>
    trx
      .selectFrom("attention_acks")
      .leftJoin("staff", "staff.id", "attention_acks.acknowledged_by")
      .selectAll("attention_acks")
      .select("staff.display_name as by_name");
  return {
    async acknowledge(input) {
      const facts = input.facts.join("\n");
      await trx
        .insertInto("attention_acks")
        .values({
          id: ctx.newId(),
          patient_id: input.patientId,
          code: input.code,
          facts,
          acknowledged_by: ctx.actor.id,
          acknowledged_at: ctx.now(),
        })
        .onConflict((oc) => oc.columns(["patient_id", "code", "facts"]).doNothing())
        .execute();
      const row = await withNames()
        .where("attention_acks.patient_id", "=", input.patientId)
        .where("attention_acks.code", "=", input.code)
        .where("attention_acks.facts", "=", facts)
        .executeTakeFirstOrThrow();
      await ctx.audit([
        { action: "attention.acknowledge", patientId: input.patientId, details: { code: input.code } },
      ]);
      return toAck(row);
    },
    async listForPatient(patientId) {
      const rows = await withNames()
        .where("attention_acks.patient_id", "=", patientId)
        .orderBy("attention_acks.acknowledged_at")
        .execute();
      await ctx.audit([{ action: "attention.list", patientId, details: { acks: rows.length } }]);
      return rows.map(toAck);
    },
  };
}
