/**
 * Where a check-in's time goes, statement by statement: the full server's check-in route and
 * the bare baseline's insert (as in bench/check-in.ts), run in this process through
 * `app.request` (no sockets) with 10 concurrent callers, every statement timed. With
 * synchronous=FULL the commit (the disk flush) is timed as its own statement.
 *
 * In this process the callers are promise chains, so read the commit count here as what the
 * group commit gathers from ten callers, not what a server over sockets gathers.
 *
 *   npx tsx bench/check-in-statements.ts [--requests 2000]
 *   npx tsx bench/check-in-statements.ts --database postgres   # DATABASE_URL, else the local test server
 *
 * On PostgreSQL a statement's time is its round trip as the caller waits for it (sent to
 * answered, including the wait for a lock and for this process's event loop), and it is the
 * round trips one after another in a group-commit batch that bound a check-in there.
 *
 * It times statements by wrapping better-sqlite3's `prepare` (and pg's `Client#query`) for
 * this process only: a measuring tool, never loaded by the server.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Hono } from "hono";
import { buildServer } from "../src/http/server.ts";
import { openDatabase } from "../src/store/database.ts";
import type { SignedInPatient } from "../src/http/testing/seed-signed-in-patient.ts";
import { openStore } from "../src/store/sql-store.ts";
import type { DatabaseConfig } from "../src/store/database-config.ts";
import { freshPostgresDatabase } from "../src/store/testing/fresh-postgres-database.ts";
import { benchCheckIn, seedBenchPatients } from "./check-in-sequence.ts";
import { benchArgs, refuse } from "./bench-args.ts";

const flags = benchArgs(import.meta.filename, {
  requests: { type: "string", default: "2000" },
  database: { type: "string", default: "sqlite" },
});
if (flags.database !== "sqlite" && flags.database !== "postgres")
  refuse(import.meta.filename, `--database must be sqlite or postgres, not '${flags.database}'`);
const POSTGRES_SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const REQUESTS = Number(flags.requests);
const CALLERS = 10;
const POSTGRES = flags.database === "postgres";
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-statements-"));

/** A fresh database for one run: a SQLite file, or a PostgreSQL database dropped after. */
async function freshDatabase(name: string): Promise<{ db: string; drop(): Promise<void> }> {
  if (!POSTGRES) return { db: join(dir, `${name}.sqlite`), drop: async () => undefined };
  const fresh = await freshPostgresDatabase(POSTGRES_SERVER, `statements_${name}`);
  return { db: fresh.url, drop: fresh.drop };
}

const config = (db: string): DatabaseConfig =>
  POSTGRES ? { kind: "postgres", url: db } : { kind: "sqlite", path: db };

type Timings = Map<string, { n: number; ms: number }>;
let timings: Timings = new Map();
function timed(sql: string, began: number): void {
  const t = timings.get(sql) ?? { n: 0, ms: 0 };
  t.n++;
  t.ms += performance.now() - began;
  timings.set(sql, t);
}
type Statement = Record<"run" | "all" | "get", (...args: unknown[]) => unknown>;
const proto = (BetterSqlite3 as unknown as { prototype: { prepare(sql: string): Statement } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  for (const method of ["run", "all", "get"] as const) {
    const original = statement[method].bind(statement);
    statement[method] = (...args: unknown[]) => {
      const began = performance.now();
      try {
        return Reflect.apply(original, undefined, args);
      } finally {
        timed(sql, began);
      }
    };
  }
  return statement;
};
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const sql = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | null)?.text ?? "?");
  const began = performance.now();
  const answer = Reflect.apply(query, this, args) as Promise<unknown> | undefined;
  void answer?.then(
    () => timed(sql, began),
    () => timed(sql, began),
  );
  return answer;
};

async function drive(name: string, app: { request: Hono["request"] }, patients: readonly SignedInPatient[]) {
  timings = new Map();
  let sent = 0;
  const statuses = new Map<number, number>();
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (sent < REQUESTS) {
        const i = sent++;
        const { path, cookie, body } = benchCheckIn(patients, i);
        const res = await app.request(`http://127.0.0.1${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, "idempotency-key": `statements-${i}` },
          body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = performance.now() - began;
  const inSql = [...timings.values()].reduce((a, t) => a + t.ms, 0);
  const statements = [...timings.values()].reduce((a, t) => a + t.n, 0);
  const commits = timings.get("commit")?.n ?? 0;
  console.log(
    `\n${name}: ${REQUESTS} check-ins in ${(elapsed / 1000).toFixed(2)} s = ${((REQUESTS / elapsed) * 1000).toFixed(0)}/s ` +
      `(statuses ${[...statuses].map(([s, n]) => `${s} x${n}`).join(", ")}); ` +
      `${(statements / REQUESTS).toFixed(2)} statements and ${(commits / REQUESTS).toFixed(2)} commits a check-in` +
      (POSTGRES ? "" : `; ${((elapsed - inSql) / REQUESTS).toFixed(2)} ms a check-in outside SQLite`),
  );
  console.log("   ms total  % of run   count  ms each  statement");
  for (const [sql, t] of [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
    console.log(
      `${t.ms.toFixed(0).padStart(11)}  ${((100 * t.ms) / elapsed).toFixed(1).padStart(7)}%  ${String(t.n).padStart(6)}  ${(t.ms / t.n).toFixed(3).padStart(7)}  ${sql.slice(0, 70)}`,
    );
  }
}

{
  const { db, drop } = await freshDatabase("full");
  const patients = await seedBenchPatients(db);
  const store = await openStore(config(db));
  await drive(`full check-in (${flags.database})`, buildServer({ store, webRoot: null }).app, patients);
  await store.close();
  await drop();
}
{
  const { db, drop } = await freshDatabase("bare");
  const patients = await seedBenchPatients(db);
  const database = await openDatabase(config(db));
  const app = new Hono();
  // The same handler as bench/bare-check-in-server.ts.
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
  await drive(`bare baseline (${flags.database})`, app, patients);
  await database.close();
  await drop();
}
rmSync(dir, { recursive: true, force: true });
