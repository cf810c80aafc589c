/**
 * Appends events to the hash chain inside the caller's transaction.
 *
 * Appends must be serialised or two transactions would both link to the same previous event
 * and fork the chain. SQLite allows one writer at a time (and our transactions begin
 * IMMEDIATE), so reading the head is already exclusive. PostgreSQL runs writers concurrently,
 * so the head row is read `FOR UPDATE`: a second appender waits until the first commits or
 * rolls back, then reads the head it left.
 */
import type { Transaction } from "kysely";
import type { DialectName } from "../migrations/dialect-name.ts";
import type { AuditEventTable, Schema } from "../schema.ts";
import { chainHash, type ChainedContent } from "./chain.ts";

export type NewAuditRow = Omit<ChainedContent, "id" | "at">;

/**
 * Appends `rows` (in order) with consecutive ids and moves the chain head. The time is read
 * from `now` only once the head is held, so event times never run backwards along the chain.
 *
 * @example
 * await appendAuditEvents(trx, "sqlite", () => new Date().toISOString(), [{ actor_kind: "staff", ... }]);
 */
export async function appendAuditEvents(
  trx: Transaction<Schema>,
  dialect: DialectName,
  now: () => string,
  rows: readonly NewAuditRow[],
): Promise<AuditEventTable[]> {
  if (rows.length === 0) return [];
  const head = await trx
    .selectFrom("audit_chain_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .$if(dialect === "postgres", (q) => q.forUpdate())
    .executeTakeFirstOrThrow();

  const at = now();
  let lastId = Number(head.last_id);
  let lastHash = head.last_hash;
  const stored: AuditEventTable[] = [];
  for (const row of rows) {
    const content: ChainedContent = { ...row, id: lastId + 1, at };
    const hash = chainHash(lastHash, content);
    stored.push({ ...content, prev_hash: lastHash, hash });
    lastId = content.id;
    lastHash = hash;
  }
  // The head follows by trigger (migration 0002): the last row inserted becomes the head.
  // In chunks: SQLite allows 32,766 variables a statement and PostgreSQL 65,535 parameters, and
  // a dashboard read of 10,000 patients is 10,000 events of 11 columns (found by bench/dashboard.ts).
  for (let i = 0; i < stored.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto("audit_events")
      .values(stored.slice(i, i + ROWS_PER_INSERT))
      .execute();
  return stored;
}

/** Rows per INSERT: 1,000 rows of 11 columns stay well under either database's limit. */
const ROWS_PER_INSERT = 1_000;
