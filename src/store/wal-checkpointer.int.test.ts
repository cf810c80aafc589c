/**
 * The WAL checkpointed by the worker thread, not by the writer: a real SQLite file, written
 * through the database as the server opens it, read back from the files on disk.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, openSqliteFile, sqliteDatabase, type Database } from "./database.ts";
import { freePort, startServerProcess } from "../http/testing/server-process.ts";
import {
  BACKSTOP_AUTOCHECKPOINT_PAGES,
  CHECKPOINT_INTERVAL_MS,
  SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES,
  startWalCheckpointer,
} from "./wal-checkpointer.ts";

const PAGE = 4096;
/** Pages written: well past SQLite's own 1,000 and well short of the writer's backstop. */
const PAGES = 2_000;

let dir: string;
let path: string;
let database: Database | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ldn-checkpoints-"));
  path = join(dir, "ldn.sqlite");
});
afterEach(async () => {
  await database?.close();
  database = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Writes about `pages` pages of fresh rows, 100 pages a transaction. */
async function writePages(db: Database["db"], pages: number): Promise<void> {
  await sql`create table bulk (body blob)`.execute(db);
  for (let done = 0; done < pages; done += 100)
    await db.transaction().execute((trx) =>
      sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 100)
            insert into bulk select randomblob(${PAGE - 100}) from n`.execute(trx),
    );
}

/** The writer's automatic checkpoint, in pages. */
async function autocheckpoint({ db }: Database): Promise<number> {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  return rows[0]!.wal_autocheckpoint;
}

describe("background WAL checkpoints", () => {
  it("copy what was committed into the database file while the writer only appends to the log", async () => {
    const errors: string[] = [];
    database = await openDatabase(
      { kind: "sqlite", path },
      { backgroundCheckpoints: { warn: (m) => errors.push(m) } },
    );
    expect(await autocheckpoint(database)).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    const before = statSync(path).size;
    await writePages(database.db, PAGES);
    // Only a checkpoint writes pages into the database file itself, and the writer's own
    // would come only past the backstop: the file grows because the worker checkpointed.
    await vi.waitFor(() => expect(statSync(path).size - before).toBeGreaterThanOrEqual(PAGES * PAGE * 0.9), {
      timeout: 5_000,
      interval: 20,
    });
    expect(errors).toEqual([]);
  });

  it("are not made without the option: the writer's own checkpoint runs at SQLite's 1,000 pages", async () => {
    database = await openDatabase({ kind: "sqlite", path });
    expect(await autocheckpoint(database)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES);
  });

  it("checkpoint once more when stopped, so what was committed is in the database file", async () => {
    const native = openSqliteFile(path);
    const checkpoints = startWalCheckpointer(native, path, () => undefined, 60_000);
    database = sqliteDatabase(native, path);
    await writePages(database.db, 300);
    const before = statSync(path).size;
    await checkpoints.stop();
    // The interval (a minute) never came: only the last checkpoint can have grown the file.
    expect(statSync(path).size - before).toBeGreaterThanOrEqual(300 * PAGE * 0.9);
    expect(await autocheckpoint(database)).toBe(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES);
  });

  it("run in `ldn serve` started through tsx, whose compiler wraps inner functions in a helper", async () => {
    const server = await startServerProcess(path, await freePort());
    let log = "";
    server.child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 5 * CHECKPOINT_INTERVAL_MS));
    server.child.kill("SIGTERM");
    await server.exited;
    // A worker that could not run its loop says so in the log ("__name is not defined").
    expect(log).toContain('"stopped"');
    expect(log).not.toContain("checkpoint");
  });

  it("say once that checkpoints fail, not at every try", async () => {
    const notADatabase = join(dir, "notes.txt");
    writeFileSync(notADatabase, "a text file where the database was expected\n".repeat(20));
    const said: string[] = [];
    const checkpoints = startWalCheckpointer(openSqliteFile(path), notADatabase, (m) => said.push(m), 10);
    await new Promise((resolve) => setTimeout(resolve, 30 * 10));
    await checkpoints.stop();
    expect(said).toEqual([
      `WAL checkpoint in the background failed: file is not a database (the writer checkpoints past ${BACKSTOP_AUTOCHECKPOINT_PAGES} pages meanwhile)`,
    ]);
  });
});
