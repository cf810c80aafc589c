/**
 * Where a check-in's time goes, statement by statement: the full server's check-in route and
 * the bare baseline's insert (as in bench/check-in.ts), run in this process through
 * `app.request` (no sockets) with 10 concurrent callers, every SQLite statement timed. With
 * synchronous=FULL the commit (the disk flush) is timed as its own statement.
 *
 * In this process the callers are promise chains, so the SQLite group commit gathers about five
 * check-ins a commit; over sockets it gathered one a commit when this was written (the README's
 * "Benchmark: check-ins"), so read the commit count here as the best case, not the server's.
 *
 *   npx tsx bench/check-in-statements.ts [--requests 2000]
 *
 * It times statements by wrapping better-sqlite3's `prepare` for this process only: a
 * measuring tool, never loaded by the server.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { Hono } from "hono";
import { buildServer } from "../src/http/server.ts";
import { openDatabase } from "../src/store/database.ts";
import type { SignedInPatient } from "../src/http/testing/seed-signed-in-patient.ts";
import { openStore } from "../src/store/sql-store.ts";
import { benchCheckIn, seedBenchPatients } from "./check-in-sequence.ts";

const { values: flags } = parseArgs({ options: { requests: { type: "string", default: "2000" } } });
const REQUESTS = Number(flags.requests);
const CALLERS = 10;
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-statements-"));

type Timings = Map<string, { n: number; ms: number }>;
let timings: Timings = new Map();
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
        const t = timings.get(sql) ?? { n: 0, ms: 0 };
        t.n++;
        t.ms += performance.now() - began;
        timings.set(sql, t);
      }
    };
  }
  return statement;
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
  console.log(
    `\n${name}: ${REQUESTS} check-ins in ${(elapsed / 1000).toFixed(2)} s = ${((REQUESTS / elapsed) * 1000).toFixed(0)}/s ` +
      `(statuses ${[...statuses].map(([s, n]) => `${s} x${n}`).join(", ")}); ` +
      `${((elapsed - inSql) / REQUESTS).toFixed(2)} ms a check-in outside SQLite`,
  );
  console.log("   ms total  % of run   count  ms each  statement");
  for (const [sql, t] of [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
    console.log(
      `${t.ms.toFixed(0).padStart(11)}  ${((100 * t.ms) / elapsed).toFixed(1).padStart(7)}%  ${String(t.n).padStart(6)}  ${(t.ms / t.n).toFixed(3).padStart(7)}  ${sql.slice(0, 70)}`,
    );
  }
}

{
  const db = join(dir, "full.sqlite");
  const patients = await seedBenchPatients(db);
  const store = await openStore({ kind: "sqlite", path: db });
  await drive("full check-in", buildServer({ store, webRoot: null }).app, patients);
  await store.close();
}
{
  const db = join(dir, "bare.sqlite");
  const patients = await seedBenchPatients(db);
  const database = await openDatabase({ kind: "sqlite", path: db });
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
  await drive("bare baseline", app, patients);
  await database.close();
}
rmSync(dir, { recursive: true, force: true });
