/** The email outbox over `outbox`: a row per message, kept after it is sent. */
import type { Selectable } from "kysely";
import type { OutboxRepository, QueuedMail } from "../../app/ports/outbox-repository.ts";
import type { OutboxTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

function toQueuedMail(r: Selectable<OutboxTable>): QueuedMail {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    patientId: r.patient_id,
    kind: r.kind,
    dedupeKey: r.dedupe_key,
    to: r.to_address,
    subject: r.subject,
    text: r.body,
    dueAt: r.due_at,
    attempts: Number(r.attempts),
  };
}

/** @example await sqlOutboxRepository(ctx).due(new Date().toISOString(), 20); */
export function sqlOutboxRepository(ctx: TxContext): OutboxRepository {
  const { trx } = ctx;
  return {
    async enqueue(mail) {
      const result = await trx
        .insertInto("outbox")
        .values({
          id: ctx.newId(),
          clinic_id: mail.clinicId,
          patient_id: mail.patientId,
          kind: mail.kind,
          dedupe_key: mail.dedupeKey,
          to_address: mail.to,
          subject: mail.subject,
          body: mail.text,
          due_at: mail.dueAt,
          next_attempt_at: mail.dueAt,
          attempts: 0,
          last_error: null,
          created_at: ctx.now(),
          sent_at: null,
        })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .executeTakeFirst();
      const queued = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      if (queued)
        await ctx.audit([
          {
            action: "outbox.enqueue",
            patientId: mail.patientId,
            details: { kind: mail.kind, dueAt: mail.dueAt },
          },
        ]);
      return queued;
    },
    async due(now, limit) {
      const rows = await trx
        .selectFrom("outbox")
        .selectAll()
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(toQueuedMail);
    },
    async claimNext(now, owner, until) {
      // One UPDATE: the message is taken by whichever dispatcher's statement gets it first.
      // PostgreSQL's SKIP LOCKED lets a second dispatcher pass over a row the first is taking
      // rather than wait for it; SQLite's writers take turns, so its statement is atomic as it
      // is. The conditions are on the UPDATE too, so a row claimed meanwhile is never retaken.
      // `id = (subquery)`, not `id in (subquery)`: PostgreSQL runs the scalar form once, while
      // as a join it left messages unclaimed under contention (outbox-claims.int.test.ts).
      let oldest = trx
        .selectFrom("outbox")
        .select("id")
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(1);
      if (ctx.dialect === "postgres") oldest = oldest.forUpdate().skipLocked();
      const row = await trx
        .updateTable("outbox")
        .set({ claimed_by: owner, claimed_until: until })
        .where("id", "=", oldest)
        .where("sent_at", "is", null)
        .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
        .returningAll()
        .executeTakeFirst();
      return row ? toQueuedMail(row) : null;
    },
    async markSent(id) {
      const row = await trx
        .updateTable("outbox")
        // claimed_by stays: which server sent it.
        .set({ sent_at: ctx.now(), claimed_until: null })
        .where("id", "=", id)
        .returning(["patient_id", "kind"])
        .executeTakeFirst();
      await ctx.audit([
        {
          action: "outbox.sent",
          patientId: row?.patient_id ?? null,
          subjectId: id,
          details: { kind: row?.kind },
        },
      ]);
    },
    async markFailed(id, error, nextAttemptAt) {
      const row = await trx
        .updateTable("outbox")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          last_error: error.slice(0, 500),
          next_attempt_at: nextAttemptAt,
          claimed_by: null,
          claimed_until: null,
        }))
        .where("id", "=", id)
        .returning(["patient_id", "attempts"])
        .executeTakeFirst();
      await ctx.audit([
        {
          action: "outbox.failed",
          patientId: row?.patient_id ?? null,
          subjectId: id,
          outcome: "failure",
          details: { attempts: Number(row?.attempts ?? 0), nextAttemptAt },
        },
      ]);
    },
  };
}
