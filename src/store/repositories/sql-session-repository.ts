/** Login sessions over the `sessions` table. Not patient data, so not audited here: login and logout are. */
import type { Session, SessionRepository } from "../../app/ports/session-repository.ts";
import type { SessionTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toSession = (row: SessionTable): Session => ({
  id: row.id,
  subjectKind: row.subject_kind,
  subjectId: row.subject_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  endedAt: row.ended_at,
});

/** @example await sqlSessionRepository(ctx).get(tokenHash); */
export function sqlSessionRepository(ctx: TxContext): SessionRepository {
  return {
    async create(input) {
      const now = ctx.now();
      const row: SessionTable = {
        id: input.id,
        subject_kind: input.subjectKind,
        subject_id: input.subjectId,
        created_at: now,
        last_seen_at: now,
        expires_at: input.expiresAt,
        ended_at: null,
      };
      await ctx.trx.insertInto("sessions").values(row).execute();
      return toSession(row);
    },
    async get(id) {
      const row = await ctx.trx.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toSession(row);
    },
    async touch(id, expiresAt) {
      await ctx.trx
        .updateTable("sessions")
        .set({ last_seen_at: ctx.now(), expires_at: expiresAt })
        .where("id", "=", id)
        .execute();
    },
    async end(id) {
      await ctx.trx.updateTable("sessions").set({ ended_at: ctx.now() }).where("id", "=", id).execute();
    },
    async endAllFor(subjectKind, subjectId) {
      const result = await ctx.trx
        .updateTable("sessions")
        .set({ ended_at: ctx.now() })
        .where("subject_kind", "=", subjectKind)
        .where("subject_id", "=", subjectId)
        .where("ended_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
