/**
 * Group commit for SQLite. With `synchronous=FULL` every commit waits for the disk, and that
 * wait, not the queries, is most of a check-in's time (bench/check-in.ts). Units of work that
 * arrive while a commit is in flight are run together in the next transaction, each inside its
 * own savepoint, and committed with one disk sync. Each unit still commits whole or not at
 * all (a failing unit rolls back to its savepoint, the others go on), and none is answered
 * before the commit that holds it is durable.
 */
import type { ControlledTransaction, Kysely, Transaction } from "kysely";
import type { Schema } from "./schema.ts";

/** Units in one commit at most: bounds how long one transaction holds the write lock. */
const MAX_BATCH = 64;

interface Unit {
  run(trx: Transaction<Schema>): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Told the size of each batch committed (for the metrics). */
  readonly onBatch?: (size: number) => void;
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

  async function commitBatch(batch: readonly Unit[]): Promise<void> {
    let trx: ControlledTransaction<Schema>;
    try {
      trx = await db.startTransaction().execute();
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      for (const [i, unit] of batch.entries()) {
        const name = `unit_${i}`;
        const inner = await trx.savepoint(name).execute();
        try {
          const value = await unit.run(inner);
          await inner.releaseSavepoint(name).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await undoUnit(inner, name, error);
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
      options.onBatch?.(batch.length);
    } catch (error) {
      // The commit itself failed (or a savepoint command did): nothing in the batch is durable.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  return {
    run<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run: work, resolve: resolve as (v: unknown) => void, reject });
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

/**
 * Returns to the unit's savepoint. SQLite ends the whole transaction by itself on some errors
 * (a full disk, an I/O error): then no savepoint is left, nothing in the batch is kept, and the
 * unit's own error, not "no such savepoint", is what every unit of the batch must hear.
 */
async function undoUnit(
  trx: ControlledTransaction<Schema, [string]>,
  name: string,
  error: unknown,
): Promise<void> {
  try {
    await trx.rollbackToSavepoint(name).execute();
    await trx.releaseSavepoint(name).execute();
  } catch {
    throw error;
  }
}
