/** Invitations over the `invitations` table. */
import type { Invitation, InvitationRepository } from "../../app/ports/invitation-repository.ts";
import type { InvitationTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

const toInvitation = (row: InvitationTable): Invitation => ({
  id: row.id,
  patientId: row.patient_id,
  tokenHash: row.token_hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

/** @example await sqlInvitationRepository(ctx).create({ patientId, tokenHash, expiresAt }); */
export function sqlInvitationRepository(ctx: TxContext): InvitationRepository {
  return {
    async create(input) {
      const row: InvitationTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        token_hash: input.tokenHash,
        created_by: ctx.actor.id,
        created_at: ctx.now(),
        expires_at: input.expiresAt,
        used_at: null,
      };
      await ctx.trx.insertInto("invitations").values(row).execute();
      await ctx.audit([{ action: "invitation.create", patientId: row.patient_id, subjectId: row.id }]);
      return toInvitation(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await ctx.trx
        .selectFrom("invitations")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async markUsed(id) {
      // The `used_at is null` guard makes use-once hold even when two acceptances race.
      const result = await ctx.trx
        .updateTable("invitations")
        .set({ used_at: ctx.now() })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revokeUnused(patientId) {
      const now = ctx.now();
      const result = await ctx.trx
        .updateTable("invitations")
        .set({ expires_at: now })
        .where("patient_id", "=", patientId)
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      const revoked = Number(result.numUpdatedRows);
      if (revoked > 0) await ctx.audit([{ action: "invitation.revoke", patientId, details: { revoked } }]);
      return revoked;
    },
  };
}
