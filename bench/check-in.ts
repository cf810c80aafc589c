/**
 * Check-in throughput and latency, with everything the server does (session, access check,
 * validation, the insert, the audit event, all in one durable transaction), against a bare
 * baseline: the same framework and database inserting the same row with no checks
 * (bench/bare-check-in-server.ts). Both run as their own processes on 127.0.0.1; autocannon
 * (10 connections, 10 s a run) drives them, alternating baseline and full to spread the noise
 * of a shared machine. Run: `npx tsx bench/check-in.ts`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { newToken, tokenHash } from "../src/http/auth/tokens.ts";
import { freePort, startServerProcess } from "../src/http/testing/server-process.ts";
import { openStore } from "../src/store/sql-store.ts";

const ROUNDS = 2;
const SECONDS = 10;
const CONNECTIONS = 10;
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-checkin-"));

async function seed(db: string) {
  const token = newToken();
  const store = await openStore({ kind: "sqlite", path: db });
  const patientId = await store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Bench clinic" });
    const patient = await tx.patients.create({ clinicId: clinic.id, displayName: "B. Ench", screening: {} });
    await tx.sessions.create({
      id: tokenHash(token),
      subjectKind: "patient",
      subjectId: patient.id,
      expiresAt: "2999-01-01T00:00:00.000Z",
    });
    return patient.id;
  });
  await store.close();
  return { patientId, cookie: `ldn_session=${token}` };
}

async function bareProcess(db: string, port: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/bare-check-in-server.ts", db, String(port)],
    {
      cwd: resolve(import.meta.dirname, ".."),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((done) =>
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ldn clinic server") && done()),
  );
  return child;
}

let counter = 0;
function load(url: string, patientId: string, cookie: string) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        path: `/api/patients/${patientId}/check-ins`,
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...req.headers,
            "content-type": "application/json",
            cookie,
            "idempotency-key": `bench-${process.pid}-${++counter}`,
          },
          body: JSON.stringify({
            date: "2027-01-05",
            doses: [{ time: "08:00", ug: 100 }],
            pain: 5,
            mood: 6,
            energy: 5,
            clarity: 6,
            sideEffects: [],
            impression: "same",
          }),
        }),
      },
    ],
  });
}

type Run = { rps: number; p50: number; p99: number; non2xx: number };
const runs: Record<"baseline" | "full", Run[]> = { baseline: [], full: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of ["baseline", "full"] as const) {
    const db = join(dir, `${kind}-${round}.sqlite`);
    const { patientId, cookie } = await seed(db);
    const port = await freePort();
    const child = kind === "full" ? (await startServerProcess(db, port)).child : await bareProcess(db, port);
    const result = await load(`http://127.0.0.1:${port}`, patientId, cookie);
    child.kill("SIGTERM");
    runs[kind].push({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
    });
    console.log(
      `${kind.padEnd(8)} round ${round + 1}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx/errors ${result.non2xx + result.errors}`,
    );
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = (kind: "baseline" | "full") => ({
  rps: mean(runs[kind].map((r) => r.rps)),
  p50: mean(runs[kind].map((r) => r.p50)),
  p99: mean(runs[kind].map((r) => r.p99)),
});
const b = summary("baseline");
const f = summary("full");
console.log(
  `\nbaseline (bare insert): ${b.rps.toFixed(0)} req/s, p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`,
);
console.log(
  `full check-in:          ${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`,
);
console.log(`full / baseline throughput = ${(f.rps / b.rps).toFixed(2)}`);
rmSync(dir, { recursive: true, force: true });
