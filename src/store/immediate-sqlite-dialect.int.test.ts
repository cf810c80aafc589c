/**
 * The SQLite driver's durability: nothing that wrote returns before its WAL flush is done, and
 * the flush runs off the event loop. A real SQLite file; the flush is the real one (wal-flush.ts)
 * or, where the test must hold it, one that waits for the test.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { Kysely, sql, type Generated } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteFile } from "./database.ts";
import { ImmediateSqliteDialect } from "./immediate-sqlite-dialect.ts";
import { walFlush, type WalFlush } from "./wal-flush.ts";

interface Table {
  t: { id: Generated<number>; body: string };
}

/** A flush the test lets finish: `release()` ends the oldest one waiting. */
function heldFlush(): WalFlush & { calls: number; waiting: number; release(): void } {
  const waiting: (() => void)[] = [];
  return {
    calls: 0,
    get waiting() {
      return waiting.length;
    },
    flush() {
      this.calls++;
      return new Promise<void>((done) => waiting.push(done));
    },
    release: () => waiting.shift()?.(),
    close: async () => undefined,
  };
}

/** Whether `promise` has settled after the event loop has had a few turns. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((next) => setImmediate(next));
  return done;
}

describe("the SQLite driver's commit", () => {
  let dir: string;
  let path: string;
  let native: BetterSqlite3.Database;
  let wal: ReturnType<typeof heldFlush>;
  let db: Kysely<Table>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-durable-"));
    path = join(dir, "ldn.sqlite");
    native = openSqliteFile(path);
    native.exec("create table t (id integer primary key, body text not null)");
    wal = heldFlush();
    db = new Kysely<Table>({
      dialect: new ImmediateSqliteDialect({
        database: native,
        inTransaction: () => native.inTransaction,
        wal,
      }),
    });
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs with synchronous=NORMAL: the driver, not SQLite, waits for the flush", () => {
    expect(native.pragma("synchronous", { simple: true })).toBe(1);
    expect(native.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("returns from a transaction only once its WAL flush is done, the event loop free meanwhile", async () => {
    const committing = db.transaction().execute((trx) => trx.insertInto("t").values({ body: "a" }).execute());
    expect(await settled(committing)).toBe(false);
    expect(wal.calls).toBe(1);
    // The commit itself is made: SQLite has the row, waiting only for the disk.
    expect(native.prepare("select count(*) as n from t").get()).toEqual({ n: 1 });
    wal.release();
    expect(await settled(committing)).toBe(true);
    await committing;
  });

  it("holds the connection while flushing, so the next transaction starts after the flush", async () => {
    const first = db.transaction().execute((trx) => trx.insertInto("t").values({ body: "a" }).execute());
    const second = db.transaction().execute((trx) => trx.insertInto("t").values({ body: "b" }).execute());
    expect(await settled(second)).toBe(false);
    expect(wal.calls).toBe(1);
    wal.release();
    await first;
    expect(await settled(second)).toBe(false);
    expect(wal.calls).toBe(2);
    wal.release();
    await second;
  });

  it("flushes a write made outside a transaction before it returns, and never a read", async () => {
    await db.selectFrom("t").selectAll().execute();
    expect(wal.calls).toBe(0);
    const writing = db.insertInto("t").values({ body: "alone" }).execute();
    expect(await settled(writing)).toBe(false);
    expect(wal.calls).toBe(1);
    wal.release();
    await writing;
  });

  it("flushes once a transaction, at its commit: not at its begin, statements or savepoints", async () => {
    const committing = db.transaction().execute(async (trx) => {
      await sql`savepoint one`.execute(trx);
      await trx.insertInto("t").values({ body: "a" }).execute();
      await sql`release savepoint one`.execute(trx);
      await trx.insertInto("t").values({ body: "b" }).execute();
      expect(wal.calls).toBe(0);
    });
    while (wal.waiting === 0) await new Promise((next) => setImmediate(next));
    wal.release();
    await committing;
    expect(wal.calls).toBe(1);
  });

  it("fails the commit when the flush fails", async () => {
    wal.flush = () => Promise.reject(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    await expect(
      db.transaction().execute((trx) => trx.insertInto("t").values({ body: "a" }).execute()),
    ).rejects.toThrow("fdatasync");
  });
});

describe("walFlush", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ldn-wal-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("flushes a real database's WAL file", async () => {
    const path = join(dir, "ldn.sqlite");
    const native = openSqliteFile(path);
    native.exec("create table t (x); insert into t values (1)");
    expect(existsSync(`${path}-wal`)).toBe(true);
    const wal = walFlush(path);
    await wal.flush();
    await wal.flush();
    await wal.close();
    native.close();
  });

  it("has nothing to flush where there is no WAL file", async () => {
    await expect(walFlush(":memory:").flush()).resolves.toBeUndefined();
    await expect(walFlush(join(dir, "never-written.sqlite")).flush()).resolves.toBeUndefined();
    await expect(walFlush(join(dir, "no-such-dir", "x.sqlite")).flush()).resolves.toBeUndefined();
  });
});
