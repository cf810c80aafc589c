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
 * on PostgreSQL). Their events, ids and hashes made at once, are held in the memo and written
 * in one insert before the batch commits (`writeHeldEvents`): one statement a batch instead of
 * one a check-in, each a round trip on PostgreSQL made while the batch holds the head.
 * group-commit.ts puts the memo back when a unit rolls back to its savepoint (`markChain`).
 */
import type { Transaction } from "kysely";
import type { DialectName } from "../migrations/dialect-name.ts";
import type { AuditEventTable, Schema } from "../schema.ts";
import { chainHash, type ChainedContent } from "./chain.ts";

export type NewAuditRow = Omit<ChainedContent, "id" | "at">;

/** The chain as a transaction that holds its head sees it. */
export interface ChainHeadMemo {
  /** The head as last seen: unknown until read. */
  head: { readonly lastId: number; readonly lastHash: string } | undefined;
  /** Events appended in this transaction, in chain order, the first `written` of them inserted. */
  readonly events: AuditEventTable[];
  written: number;
}

/** A memo for a transaction that will hold the head (nothing known yet). */
export const heldChain = (): ChainHeadMemo => ({ head: undefined, events: [], written: 0 });

/**
 * Where the memo stands; the function returned puts it back there, for a unit rolled back to
 * its savepoint: its events are gone, and so are the inserts of events it wrote (earlier
 * units' included), which are written again later.
 */
export function markChain(memo: ChainHeadMemo): () => void {
  const { head, written } = memo;
  const events = memo.events.length;
  return () => {
    memo.head = head;
    memo.events.length = events;
    memo.written = written;
  };
}

/**
 * Inserts the events the memo holds that are not yet in the table (before a commit, and before
 * anything in the transaction reads the audit log).
 *
 * @example await writeHeldEvents(trx, memo);
 */
export async function writeHeldEvents(trx: Transaction<Schema>, memo: ChainHeadMemo): Promise<void> {
  const unwritten = memo.events.slice(memo.written);
  await insertEvents(trx, unwritten);
  memo.written = memo.events.length;
}

/**
 * Appends `rows` (in order) with consecutive ids and moves the chain head. The time is read
 * from `now` only once the head is held, so event times never run backwards along the chain.
 *
 * `memo` is given only by a caller that holds the head for the whole transaction: then the
 * events are held in it, for `writeHeldEvents`, and not inserted here.
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
  if (memo) {
    memo.head = { lastId, lastHash };
    for (const row of stored) memo.events.push(row);
  } else await insertEvents(trx, stored);
  return stored;
}

/**
 * The head follows by trigger (migration 0002): the last row inserted becomes the head.
 * In chunks: SQLite allows 32,766 variables a statement and PostgreSQL 65,535 parameters, and
 * a dashboard read of 10,000 patients is 10,000 events of 11 columns (found by bench/dashboard.ts).
 */
async function insertEvents(trx: Transaction<Schema>, rows: readonly AuditEventTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto("audit_events")
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
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
