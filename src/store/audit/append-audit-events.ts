/**
 * Appends events to the hash chain inside the caller's transaction.
 *
 * Appends must be serialised or two transactions would both link to the same previous event
 * and fork the chain. SQLite allows one writer at a time (and our transactions begin
 * IMMEDIATE), so reading the head is already exclusive. PostgreSQL runs writers concurrently,
 * so the head row is read `FOR UPDATE`: a second appender waits until the first commits or
 * rolls back, then reads the head it left.
 *
 * A group-commit batch holds the head from its start to its commit (the write lock, or
 * `holdChainHead`), so no one else can move it meanwhile: the batch remembers the head in a
 * `ChainHeadMemo` and its check-ins after the first skip reading it (one round trip fewer each
 * on PostgreSQL). group-commit.ts puts the memo back when a unit rolls back to its savepoint.
 */
import type { Transaction } from "kysely";
import type { DialectName } from "../migrations/dialect-name.ts";
import type { AuditEventTable, Schema } from "../schema.ts";
import { chainHash, type ChainedContent } from "./chain.ts";

export type NewAuditRow = Omit<ChainedContent, "id" | "at">;

/** The chain head as a transaction that holds it last saw it: unknown until read. */
export interface ChainHeadMemo {
  head: { readonly lastId: number; readonly lastHash: string } | undefined;
}

/**
 * Appends `rows` (in order) with consecutive ids and moves the chain head. The time is read
 * from `now` only once the head is held, so event times never run backwards along the chain.
 *
 * `memo` is given only by a caller that holds the head for the whole transaction.
 *
 * @example
 * await appendAuditEvents(trx, "sqlite", () => new Date().toISOString(), [{ actor_kind: "staff", ... }]);
 */
export async function appendAuditEvents(
  trx: Transaction<Schema>,
  dialect: DialectName,
  now: () => string,
  rows: readonly NewAuditRow[],
  memo?: ChainHeadMemo,
): Promise<AuditEventTable[]> {
  if (rows.length === 0) return [];
  const head = memo?.head ?? (await readChainHead(trx, dialect));

  const at = now();
  let lastId = head.lastId;
  let lastHash = head.lastHash;
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
  if (memo) memo.head = { lastId, lastHash };
  return stored;
}

/** The head, held until the transaction ends (`FOR UPDATE` on PostgreSQL; SQLite's write lock). */
async function readChainHead(trx: Transaction<Schema>, dialect: DialectName) {
  const head = await trx
    .selectFrom("audit_chain_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .$if(dialect === "postgres", (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  return { lastId: Number(head.last_id), lastHash: head.last_hash };
}

/**
 * Takes the chain head (PostgreSQL: `FOR UPDATE`) before any other row, so a transaction that
 * holds the head never waits for a row held by one that waits for the head, and remembers it.
 * sql-store.ts runs this first in each group-commit batch on PostgreSQL, where one batch holds
 * the head from its first check-in to its commit.
 *
 * @example await holdChainHead(trx, memo);
 */
export async function holdChainHead(trx: Transaction<Schema>, memo: ChainHeadMemo): Promise<void> {
  memo.head = await readChainHead(trx, "postgres");
}

/** Rows per INSERT: 1,000 rows of 11 columns stay well under either database's limit. */
const ROWS_PER_INSERT = 1_000;
