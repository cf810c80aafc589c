/**
 * The baseline for bench/check-in.ts: the same framework (Hono on @hono/node-server) and the
 * same database (SQLite, WAL, synchronous=FULL, BEGIN IMMEDIATE transactions through Kysely)
 * inserting the same diary row, with no session, access check, validation or audit. DB is a
 * SQLite file or a `postgres://` URL (then a pool of connections, as the full server has).
 * Run: `npx tsx bench/bare-check-in-server.ts DB PORT`.
 */
import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { openDatabase } from "../src/store/database.ts";

const [db, port] = process.argv.slice(2);
const database = await openDatabase(
  db!.startsWith("postgres://") ? { kind: "postgres", url: db! } : { kind: "sqlite", path: db! },
);
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
