/** Calendar feeds over `calendar_feeds`: the token's hash only, revoked rows kept for the record. */
import type { CalendarFeedRepository } from "../../app/ports/calendar-feed-repository.ts";
import type { TxContext } from "./context.ts";

/** @example await sqlCalendarFeedRepository(ctx).create(patientId, hash); */
export function sqlCalendarFeedRepository(ctx: TxContext): CalendarFeedRepository {
  const { trx } = ctx;
  const revokeAll = (patientId: string) =>
    trx
      .updateTable("calendar_feeds")
      .set({ revoked_at: ctx.now() })
      .where("patient_id", "=", patientId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
  return {
    async create(patientId, tokenHash) {
      await revokeAll(patientId);
      const createdAt = ctx.now();
      await trx
        .insertInto("calendar_feeds")
        .values({
          id: ctx.newId(),
          patient_id: patientId,
          token_hash: tokenHash,
          created_by_kind: ctx.actor.kind,
          created_by_id: ctx.actor.id,
          created_at: createdAt,
          revoked_at: null,
        })
        .execute();
      await ctx.audit([{ action: "calendar.create", patientId }]);
      return { patientId, createdAt };
    },
    async current(patientId) {
      const row = await trx
        .selectFrom("calendar_feeds")
        .select(["patient_id", "created_at"])
        .where("patient_id", "=", patientId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      await ctx.audit([{ action: "calendar.read", patientId }]);
      return row && { patientId: row.patient_id, createdAt: row.created_at };
    },
    async revoke(patientId) {
      const result = await revokeAll(patientId);
      const revoked = Number(result.numUpdatedRows) > 0;
      await ctx.audit([{ action: "calendar.revoke", patientId, outcome: revoked ? "success" : "failure" }]);
      return revoked;
    },
    async findByTokenHash(tokenHash) {
      const row = await trx
        .selectFrom("calendar_feeds")
        .select(["patient_id", "created_at"])
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return row && { patientId: row.patient_id, createdAt: row.created_at };
    },
  };
}
