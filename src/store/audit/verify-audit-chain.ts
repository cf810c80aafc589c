/** Walks the whole audit chain and names the first event that does not check out. */
import type { Kysely } from "kysely";
import type { Schema } from "../schema.ts";
import { GENESIS_HASH, chainHash } from "./chain.ts";

export type AuditChainReport =
  | { readonly ok: true; readonly events: number; readonly headHash: string }
  | { readonly ok: false; readonly events: number; readonly badId: number; readonly reason: string };

/** Rows read per query, so a chain of millions of events is checked in constant memory. */
const BATCH = 1_000;

/**
 * Checks every event in id order: ids run 1, 2, 3 ... with no gap, each event names the
 * previous event's hash, each hash matches its content, and the chain head names the last
 * event. `events` counts the events checked before the first bad one.
 *
 * A rewrite of an event's content is found at that event. Someone who also recomputes its hash
 * is found at the next event, whose link no longer matches; someone who rewrites every later
 * event and the head too is found only by comparing `headHash` with a copy kept elsewhere,
 * which is why `ldn audit verify` prints it.
 *
 * @example
 * const report = await verifyAuditChain(db);
 * if (!report.ok) console.error(`audit event ${report.badId}: ${report.reason}`);
 */
export async function verifyAuditChain(db: Kysely<Schema>): Promise<AuditChainReport> {
  let lastId = 0;
  let lastHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("id", ">", lastId)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    for (const raw of rows) {
      const row = { ...raw, id: Number(raw.id) };
      const bad = (reason: string) => ({ ok: false as const, events: lastId, badId: row.id, reason });
      if (row.id !== lastId + 1) {
        return { ok: false, events: lastId, badId: lastId + 1, reason: "is missing" };
      }
      if (row.prev_hash !== lastHash) return bad(`does not link to event ${lastId}`);
      if (chainHash(row.prev_hash, row) !== row.hash) return bad("does not match its hash");
      lastId = row.id;
      lastHash = row.hash;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom("audit_chain_head").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!head) return { ok: false, events: lastId, badId: lastId + 1, reason: "chain head is missing" };
  if (Number(head.last_id) > lastId) {
    return {
      ok: false,
      events: lastId,
      badId: lastId + 1,
      reason: "is missing (the chain head names a later event)",
    };
  }
  if (Number(head.last_id) !== lastId || head.last_hash !== lastHash) {
    return { ok: false, events: lastId, badId: lastId, reason: "does not match the chain head" };
  }
  return { ok: true, events: lastId, headHash: lastHash };
}
