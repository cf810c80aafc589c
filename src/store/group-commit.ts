/**
 * Group commit. Every commit waits for the disk (SQLite's WAL flush, wal-flush.ts; PostgreSQL's
 * WAL flush with `synchronous_commit` on), and that wait, not the queries, is most of a
 * check-in's time (bench/check-in.ts). Units of work that arrive while a commit is in flight
 * are run together in the next transaction and committed with one disk sync. Each unit still
 * commits whole or not at all (a failing unit rolls back to its savepoint, the others go on), and
 * none is answered before the commit that holds it is durable.
 */
import { sql, type ControlledTransaction, type Kysely, type Transaction } from "kysely";
import { heldChain, markChain, type ChainHeadMemo } from "./audit/append-audit-events.ts";
import type { Schema } from "./schema.ts";

/** Units in one commit at most: bounds how long one transaction holds the write lock. */
const MAX_BATCH = 64;

/** A unit of work: its transaction (a savepoint in the batch's), and the batch's chain head. */
export type UnitOfWork<T> = (trx: Transaction<Schema>, head: ChainHeadMemo) => Promise<T>;

interface Unit {
  run: UnitOfWork<unknown>;
  /** The unit may run again when its batch, run without savepoints, must be run again. */
  rerunnable: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Ends a transaction that failed; a failure to do so changes nothing for its units. */
async function rollBack(trx: ControlledTransaction<Schema>): Promise<void> {
  await trx
    .rollback()
    .execute()
    .catch(() => undefined);
}

export interface GroupCommitOptions {
  /** Told the size of each batch committed (for the metrics). */
  readonly onBatch?: (size: number) => void;
  /**
   * Run first in each batch's transaction, before any unit (PostgreSQL takes the audit chain
   * head there: see sql-store.ts). A failure fails the whole batch.
   */
  readonly begin?: (trx: Transaction<Schema>, head: ChainHeadMemo) => Promise<void>;
  /**
   * Run last in each batch's transaction, before its commit (sql-store.ts writes the audit
   * events its units held back there). A failure fails the whole batch.
   */
  readonly end?: (trx: Transaction<Schema>, head: ChainHeadMemo) => Promise<void>;
  /**
   * The database runs several statements sent as one (PostgreSQL's simple query protocol; not
   * better-sqlite3, which runs SQLite in this process, where a statement costs no round trip).
   */
  readonly joinStatements?: boolean;
}

/**
 * @example
 * const group = groupCommit(db);
 * await group.run((trx) => trx.insertInto("diary_entries").values(row).execute());
 */
export function groupCommit(db: Kysely<Schema>, options: GroupCommitOptions = {}) {
  const queue: Unit[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) await commitBatch(queue.splice(0, MAX_BATCH));
    } finally {
      draining = false;
    }
  }

  /**
   * A savepoint costs each unit a statement or two (a round trip each on PostgreSQL), so a batch
   * whose units may all run again goes without: if one fails, the batch is rolled back and run
   * again with a savepoint each. A batch of one needs none: its failure is its own.
   */
  async function commitBatch(batch: readonly Unit[]): Promise<void> {
    const alone = batch.length === 1;
    if ((alone || batch.every((unit) => unit.rerunnable)) && (await runBatch(batch, false))) return;
    await runBatch(batch, true);
  }

  /** Runs and commits `batch`; false when a unit failed without savepoints (nothing settled). */
  async function runBatch(batch: readonly Unit[], savepoints: boolean): Promise<boolean> {
    let trx: ControlledTransaction<Schema>;
    try {
      trx = await db.startTransaction().execute();
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return true;
    }
    let outcomes: Outcome[];
    // The batch's transaction holds the chain head to its commit: its units share what they
    // know of it, and a unit rolled back to its savepoint leaves the chain where it found it.
    const head = heldChain();
    try {
      await options.begin?.(trx, head);
      if (savepoints) outcomes = await runEachInSavepoint(trx, batch, head);
      else {
        const together = await runTogether(trx, batch, head);
        if (!Array.isArray(together)) {
          await rollBack(trx);
          if (batch.length > 1) return false; // to be run again, each unit in its savepoint
          batch[0]!.reject(together.failed);
          return true;
        }
        outcomes = together;
      }
      await options.end?.(trx, head);
      await trx.commit().execute();
      options.onBatch?.(batch.length);
    } catch (error) {
      // The commit itself failed (or a savepoint command did): nothing in the batch is durable.
      await rollBack(trx);
      for (const unit of batch) unit.reject(error);
      return true;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
    return true;
  }

  /** Runs the units one after another with no savepoints, stopping at the first that fails. */
  async function runTogether(
    trx: Transaction<Schema>,
    batch: readonly Unit[],
    head: ChainHeadMemo,
  ): Promise<Outcome[] | { readonly failed: unknown }> {
    const outcomes: Outcome[] = [];
    for (const unit of batch) {
      try {
        outcomes.push({ ok: true, value: await unit.run(trx, head) });
      } catch (error) {
        return { failed: error };
      }
    }
    return outcomes;
  }

  /** Runs each unit in its own savepoint: a failing one is rolled back alone, the others go on. */
  async function runEachInSavepoint(
    trx: Transaction<Schema>,
    batch: readonly Unit[],
    head: ChainHeadMemo,
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    // The savepoint of the unit before, released together with the next one's start (or by
    // the commit): one round trip a unit for both where the database allows (PostgreSQL).
    let unreleased: string | undefined;
    for (const [i, unit] of batch.entries()) {
      const name = `unit_${i}`;
      await savepointCommands(
        trx,
        unreleased ? [`release savepoint ${unreleased}`, `savepoint ${name}`] : [`savepoint ${name}`],
      );
      unreleased = undefined;
      const putBack = markChain(head);
      try {
        const value = await unit.run(trx, head);
        if (options.joinStatements) unreleased = name;
        else await savepointCommands(trx, [`release savepoint ${name}`]);
        outcomes.push({ ok: true, value });
      } catch (error) {
        putBack();
        await undoUnit(trx, name, error);
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  /** Runs savepoint commands, in one round trip when the database takes several at once. */
  async function savepointCommands(trx: Transaction<Schema>, commands: readonly string[]): Promise<void> {
    if (options.joinStatements) await sql.raw(commands.join("; ")).execute(trx);
    else for (const command of commands) await sql.raw(command).execute(trx);
  }

  /**
   * Returns to the unit's savepoint. SQLite ends the whole transaction by itself on some errors
   * (a full disk, an I/O error): then no savepoint is left, nothing in the batch is kept, and
   * the unit's own error, not "no such savepoint", is what every unit of the batch must hear.
   */
  async function undoUnit(trx: Transaction<Schema>, name: string, error: unknown): Promise<void> {
    try {
      await savepointCommands(trx, [`rollback to savepoint ${name}`, `release savepoint ${name}`]);
    } catch {
      throw error;
    }
  }

  return {
    /** `rerunnable`: as `TransactionOptions.rerunnable` (ports/store.ts). */
    run<T>(work: UnitOfWork<T>, { rerunnable = false } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run: work, rerunnable, resolve: resolve as (v: unknown) => void, reject });
        // Start on the next turn of the event loop, not this one: requests that arrived together
        // are read first and join the batch (found with strace: one fsync per check-in before).
        if (!draining) {
          draining = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
