/**
 * The baseline for bench/check-in.ts: the same framework (Hono on @hono/node-server) and the
 * same database (SQLite, WAL, BEGIN IMMEDIATE transactions through Kysely) inserting the same
 * diary row, with no session, access check, validation or audit. DB is a SQLite file or a
 * `postgres://` URL (then a pool of connections, as the full server has).
 *
 * On SQLite the baseline flushes with `synchronous=FULL`, in SQLite's COMMIT on this thread, not
 * as the server does (NORMAL, then the WAL flushed off the event loop: wal-flush.ts): for one
 * insert at a time on a disk that flushes in 0.2 ms the hand-off to libuv's thread pool costs
 * more than it frees (3,200-3,500 against 2,950-3,100 a second here), so the baseline keeps the
 * faster of the two.
 *
 * Run: `npx tsx bench/bare-check-in-server.ts DB PORT`.
 */
import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Kysely } from "kysely";
import { openDatabase, openSqliteFile } from "../src/store/database.ts";
import { ImmediateSqliteDialect } from "../src/store/immediate-sqlite-dialect.ts";
import type { Schema } from "../src/store/schema.ts";
import { cachingStatements } from "../src/store/statement-cache.ts";

const [db, port] = process.argv.slice(2);
const database = db!.startsWith("postgres://")
  ? await openDatabase({ kind: "postgres", url: db! })
  : sqliteFlushingInCommit(db!);

/** The seeded SQLite file, its COMMIT flushing the WAL itself (synchronous=FULL). */
function sqliteFlushingInCommit(path: string) {
  const native = openSqliteFile(path);
  native.pragma("synchronous = FULL");
  const flushedByCommit = { flush: async () => undefined, close: async () => undefined };
  const kysely = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({
      database: cachingStatements(native),
      inTransaction: () => native.inTransaction,
      wal: flushedByCommit,
    }),
  });
  return { db: kysely };
}
const app = new Hono();
app.post("/api/patients/:patientId/check-ins", async (c) => {
  const body = (await c.req.json()) as { date: string };
  const row = {
    id: randomUUID(),
    patient_id: c.req.param("patientId"),
    entry_date: body.date,
    idempotency_key: c.req.header("idempotency-key") ?? randomUUID(),
    body: JSON.stringify(body),
    recorded_at: new Date().toISOString(),
  };
  await database.db.transaction().execute((trx) => trx.insertInto("diary_entries").values(row).execute());
  return c.json({ id: row.id }, 201);
});
serve({ fetch: app.fetch, port: Number(port), hostname: "127.0.0.1" }, () =>
  process.stdout.write(`ldn clinic server on (bare baseline) ${port}\n`),
);
