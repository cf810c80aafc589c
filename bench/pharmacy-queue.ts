/**
 * The pharmacy's queue with a thousand patients. Run with `npx tsx bench/pharmacy-queue.ts`.
 *
 * Seeds a clinic of 1,000 patients on a temporary SQLite file, each on micro-titration with
 * 30 days of check-ins (30,000 diary entries) and a first fill dispensed, then times
 * `GET /api/pharmacy/queue` (the bulk read, the engine replayed for every patient, each next
 * fill's days and its cheapest capsule plan, the audit events) against the dashboard
 * `GET /api/patients` as the pharmacist sees it (the same bulk read and engine, no capsules).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { addDays } from "../src/domain/calendar-date.ts";
import { buildServer } from "../src/http/server.ts";
import { openStore } from "../src/store/sql-store.ts";
import {
  BENCH_HASHER,
  BENCH_START,
  benchSchedule,
  seedBenchClinic,
  seedBenchPatient,
  signInBench,
} from "./bench-clinic.ts";

const PATIENTS = Number(process.env.PATIENTS ?? 1000);
const DAYS = 30;
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-pharmacy-"));
// The clinic's "today": the day after the 30 days of check-ins, the next fill overdue since day 29.
const clock = { now: () => new Date(2027, 1, 3, 12) };
const store = await openStore({ kind: "sqlite", path: join(dir, "ldn.sqlite") }, { clock });
const start = BENCH_START;
const schedule = benchSchedule(DAYS);

const seeded = performance.now();
const clinicId = await seedBenchClinic(store, "pharmacist");
for (let p = 0; p < PATIENTS; p++) {
  await store.transaction(SYSTEM_ACTOR, async (tx) => {
    const { patientId, planId } = await seedBenchPatient(tx, clinicId, p, schedule);
    // The first 28 days were dispensed: the queue's next fill follows on from day 29.
    await tx.fills.record({
      patientId,
      planId,
      start,
      end: addDays(start, 27),
      days: 28,
      lines: { strengths: [], recipes: [] },
      idempotencyKey: `bench-fill-${p}`,
    });
  });
}
console.log(
  `seeded ${PATIENTS} patients x ${DAYS} days in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const { app } = buildServer({ store, passwords: BENCH_HASHER, webRoot: null, clock });
const cookie = await signInBench(app);

const time = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const queue: number[] = [];
const dashboard: number[] = [];
let rows = 0;
let statuses = "";
for (let i = 0; i < RUNS; i++) {
  dashboard.push(
    await time(async () => (await app.request("http://bench/api/patients", { headers: { cookie } })).json()),
  );
  queue.push(
    await time(async () => {
      const res = await app.request("http://bench/api/pharmacy/queue", { headers: { cookie } });
      if (res.status !== 200) throw new Error(`queue: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { fills: { status: string; start: string }[] };
      rows = body.fills.length;
      statuses = [...new Set(body.fills.map((f) => `${f.status} from ${f.start}`))].join(", ");
    }),
  );
}
console.log(
  `GET /api/pharmacy/queue, ${rows} fills (${statuses}): median ${median(queue).toFixed(0)} ms over ${RUNS} runs`,
);
console.log(
  `GET /api/patients as the pharmacist: median ${median(dashboard).toFixed(0)} ms; queue / dashboard = ${(median(queue) / median(dashboard)).toFixed(1)}x`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
