/**
 * The clinician's dashboard at network scale. Run with
 * `npx tsx bench/dashboard.ts --patients 10000 --days 60` (default 1,000 x 30); `--db FILE`
 * keeps the seeded file for the next run.
 *
 * Seeds a clinic of that many patients on a SQLite file, each on micro-titration with that
 * many days of check-ins, then times, each against a baseline in the same process (the bulk
 * read of the whole clinic alone, no engine, no HTTP):
 * - cold: `GET /api/patients` filtered by state on a day no line was kept for (the first read
 *   of the day: every patient's line made again from the records and kept);
 * - warm (lines kept for the day): a page of 50 unfiltered, a page filtered by state, the
 *   counts alone (every line read and counted, no page), and the whole list once;
 * - the keeper (`ldn serve` makes the day's lines ahead): its pass for the next day, its longest
 *   transaction, and the next day's first read after it;
 * - the first read of a day while the keeper's pass for that day is under way.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { keepDashboardLines } from "../src/app/use-cases/keep-dashboard-lines.ts";
import { listPatientSummaries } from "../src/app/use-cases/list-patient-summaries.ts";
import type { PatientPageDto } from "../src/http/api/patients.ts";
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
import { benchArgs, refuse } from "./bench-args.ts";

const args = benchArgs(import.meta.filename, {
  patients: { type: "string", default: "1000" },
  days: { type: "string", default: "30" },
  // A file seeded by an earlier run (seeding 10,000 x 60 takes minutes): kept, not seeded again.
  db: { type: "string" },
});
const PATIENTS = Number(args.patients);
const DAYS = Number(args.days);
if (!Number.isSafeInteger(PATIENTS) || PATIENTS < 1)
  refuse(import.meta.filename, `--patients: a whole number above 0 (got "${args.patients}")`);
if (!Number.isSafeInteger(DAYS) || DAYS < 1)
  refuse(import.meta.filename, `--days: a whole number above 0 (got "${args.days}")`);
const RUNS = 5;
/** The bulk read takes seconds at network size. */
const BASE_RUNS = 3;
/** Each cold run makes every line again: slow at network size, so a few. */
const COLD_RUNS = 2;
/** The dashboard's page (web/src/pages/dashboard.tsx asks for this many). */
const PAGE_SIZE = 50;
/** Patients seeded per transaction: one disk sync per batch, not per patient. */
const SEED_BATCH = 100;
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-dashboard-"));
const reuse = args.db !== undefined && existsSync(args.db);
const start = BENCH_START;
const schedule = benchSchedule(DAYS);
const today = addDays(start, DAYS);
// The server refuses a `today` past its clock's next day (LDN_DIARY_DAYS_AHEAD), and sessions
// end by the store's clock: both clocks are set to each day the bench reads (past the seeded
// diaries), at noon, with a fresh sign-in on each (`moveTo`).
let serverDay = today;
const clock = { now: () => new Date(`${serverDay}T12:00:00Z`) };
const store = await openStore({ kind: "sqlite", path: args.db ?? join(dir, "ldn.sqlite") }, { clock });

const seeded = performance.now();
const clinicId = reuse ? await clinicOf(store) : await seed();
console.log(
  reuse
    ? `reused ${args.db}: ${PATIENTS} patients x ${DAYS} days`
    : `seeded ${PATIENTS} patients x ${DAYS} days in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const { app } = buildServer({ store, passwords: BENCH_HASHER, webRoot: null, clock });
let cookie = await signInBench(app);
/** Moves both clocks to `next` and signs in again (a day idle ends a session). */
const moveTo = async (next: typeof today) => {
  serverDay = next;
  cookie = await signInBench(app);
};

const time = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const get = async (query: string) => {
  const res = await app.request(`http://bench/api/patients?${query}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET /api/patients?${query}: ${res.status}`);
  return (await res.json()) as PatientPageDto;
};
const staff = { kind: "staff", id: "bench" } as const;

const base: number[] = [];
for (let i = 0; i < BASE_RUNS; i++)
  base.push(await time(() => store.transaction(staff, (tx) => tx.records.forClinic(clinicId))));

// Cold: each run on a day of its own, so no line is kept for it yet.
const cold: number[] = [];
let day = today;
for (let i = 0; i < COLD_RUNS; i++) {
  day = addDays(today, i);
  await moveTo(day);
  cold.push(await time(() => get(`today=${day}&state=titrating&pageSize=${PAGE_SIZE}`)));
}
// Warm: the lines kept for the last cold run's day. The state filtered on: the commonest.
const { counts } = await get(`today=${day}&pageSize=1`);
const state = Object.entries(counts.states).sort((a, b) => b[1] - a[1])[0]![0];
const paged: number[] = [];
const filtered: number[] = [];
const counted: number[] = [];
let pageRows = 0;
let matching = 0;
for (let i = 0; i < RUNS; i++) {
  paged.push(
    await time(async () => {
      pageRows = (await get(`today=${day}&page=${1 + (i % 3)}&pageSize=${PAGE_SIZE}`)).patients.length;
    }),
  );
  filtered.push(
    await time(async () => {
      matching = (await get(`today=${day}&state=${state}&page=${1 + (i % 3)}&pageSize=${PAGE_SIZE}`)).total;
    }),
  );
  counted.push(
    await time(() =>
      store.transaction(staff, (tx) =>
        listPatientSummaries(tx, clinicId, { today: day, clinical: true, page: { offset: 0, limit: 0 } }),
      ),
    ),
  );
}
let rows = 0;
const whole = await time(async () => {
  const res = await app.request(`http://bench/api/patients?today=${day}`, { headers: { cookie } });
  rows = ((await res.json()) as unknown[]).length;
});

// The server's keeper (ldn serve) making the next day's lines ahead, 50 patients a transaction:
// its whole pass, its longest transaction (requests wait that long at most), then the day's read.
const next = addDays(day, 1);
const batches: number[] = [];
const timedStore: typeof store = {
  ...store,
  transaction: async (actor, work) => {
    const t0 = performance.now();
    const out = await store.transaction(actor, work);
    batches.push(performance.now() - t0);
    return out;
  },
};
const kept = await time(() => keepDashboardLines(timedStore, clinicId, next, 50));
await moveTo(next);
const afterKeeper = await time(() => get(`today=${next}&state=titrating&pageSize=${PAGE_SIZE}`));

// The first read of a day while the keeper's pass for it is under way (a read just after the
// server starts): it waits for that pass rather than making the same lines beside it. The pass
// is started on the server's own store, as ldn serve's keeper is.
const during = addDays(next, 1);
await moveTo(during);
const passStarted = performance.now();
let pass = 0;
const passing = keepDashboardLines(store, clinicId, during).then(
  () => (pass = performance.now() - passStarted),
);
const readDuring = await time(() => get(`today=${during}&state=titrating&pageSize=${PAGE_SIZE}`));
await passing;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const b0 = median(base);
const line = (what: string, xs: number[]) =>
  console.log(
    `${what}: median ${ms(median(xs))} over ${xs.length} runs; ${(median(xs) / b0).toFixed(3)}x the baseline`,
  );
console.log(
  `baseline, the bulk read of all ${PATIENTS} patients alone: median ${ms(b0)} over ${BASE_RUNS} runs`,
);
line(`cold, first read of the day, page filtered by state (titrating)`, cold);
line(`warm, page of ${pageRows} unfiltered`, paged);
line(`warm, page filtered by state (${state}: ${matching} patients)`, filtered);
line(`warm, the counts alone (every line read and counted, no page)`, counted);
line(`warm, the whole list (${rows} patients, each audited)`, [whole]);
line(`keeper, the next day's lines made ahead in ${batches.length} transactions`, [kept]);
console.log(`keeper, its longest transaction: ${ms(batches.reduce((a, b) => Math.max(a, b), 0))}`);
line(`first read of the next day after the keeper, page filtered by state (titrating)`, [afterKeeper]);
line(`first read of a day with the keeper's pass for it under way (the pass: ${ms(pass)})`, [readDuring]);
await store.close();
rmSync(dir, { recursive: true, force: true });

/** The bench clinic of a file seeded before. */
async function clinicOf(s: typeof store): Promise<string> {
  return (await s.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list()))[0]!.id;
}

/** A clinic of PATIENTS patients with DAYS days of check-ins each; returns its id. */
async function seed(): Promise<string> {
  const clinicId = await seedBenchClinic(store, "clinician");
  for (let first = 0; first < PATIENTS; first += SEED_BATCH) {
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      for (let p = first; p < Math.min(PATIENTS, first + SEED_BATCH); p++) {
        await seedBenchPatient(tx, clinicId, p, schedule);
      }
    });
  }
  return clinicId;
}
