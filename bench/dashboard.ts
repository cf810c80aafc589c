/**
 * The clinician's dashboard at network scale. Run with
 * `npx tsx bench/dashboard.ts --patients 10000 --days 60` (default 1,000 x 30).
 *
 * Seeds a clinic of that many patients on a temporary SQLite file, each on micro-titration
 * with that many days of check-ins, then times `GET /api/patients` as the dashboard asks for it
 * (one page of 50, server-side paging) and whole (every patient: session, access, the bulk
 * read, the engine replayed for every patient, the audit events), each against a baseline in
 * the same process: the bulk read of the whole clinic alone, with no engine and no HTTP.
 */
import { parseArgs } from "node:util";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { addDays, parseIsoDate } from "../src/domain/calendar-date.ts";
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { buildSchedule } from "../src/domain/protocols/schedule.ts";
import { buildServer } from "../src/http/server.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { openStore } from "../src/store/sql-store.ts";

const { values: args } = parseArgs({
  options: {
    patients: { type: "string", default: "1000" },
    days: { type: "string", default: "30" },
    // A file seeded by an earlier run (seeding 10,000 x 60 takes minutes): kept, not seeded again.
    db: { type: "string" },
  },
});
const PATIENTS = Number(args.patients);
const DAYS = Number(args.days);
const RUNS = 5;
/** The dashboard's page (web/src/pages/dashboard.tsx asks for this many). */
const PAGE_SIZE = 50;
/** Patients seeded per transaction: one disk sync per batch, not per patient. */
const SEED_BATCH = 100;
/** A cheap hash: the bench times the dashboard, not logging in. */
const TEST_HASHER = scryptHasher(10);
const TEST_PASSWORD = "bench password";
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-dashboard-"));
const reuse = args.db !== undefined && existsSync(args.db);
const store = await openStore({ kind: "sqlite", path: args.db ?? join(dir, "ldn.sqlite") });
const start = parseIsoDate("2027-01-04");
const schedule = buildSchedule(getProtocol("micro-titration"), { start, days: DAYS });

const seeded = performance.now();
const clinicId = reuse ? await clinicOf(store) : await seed();
console.log(
  reuse
    ? `reused ${args.db}: ${PATIENTS} patients x ${DAYS} days`
    : `seeded ${PATIENTS} patients x ${DAYS} days in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const { app } = buildServer({ store, passwords: TEST_HASHER, webRoot: null });
const login = await app.request("http://bench/api/session", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ login: "c@bench.example", password: TEST_PASSWORD }),
});
const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
const today = addDays(start, DAYS);

const time = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const full: number[] = [];
const paged: number[] = [];
const base: number[] = [];
let rows = 0;
let pageRows = 0;
for (let i = 0; i < RUNS; i++) {
  base.push(
    await time(() =>
      store.transaction({ kind: "staff", id: "bench" }, (tx) => tx.records.forClinic(clinicId)),
    ),
  );
  paged.push(
    await time(async () => {
      const res = await app.request(
        `http://bench/api/patients?today=${today}&page=${1 + (i % 3)}&pageSize=${PAGE_SIZE}`,
        { headers: { cookie } },
      );
      pageRows = ((await res.json()) as { patients: unknown[] }).patients.length;
    }),
  );
  if (i < 2) {
    // The whole clinic at once: slow at this size, so timed twice, not five times.
    full.push(
      await time(async () => {
        const res = await app.request(`http://bench/api/patients?today=${today}`, { headers: { cookie } });
        rows = ((await res.json()) as unknown[]).length;
      }),
    );
  }
}
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`baseline, the bulk read of all ${PATIENTS} patients alone: median ${ms(median(base))}`);
console.log(
  `GET /api/patients page of ${pageRows}: median ${ms(median(paged))} over ${RUNS} runs; ` +
    `page / baseline = ${(median(paged) / median(base)).toFixed(2)}x`,
);
console.log(
  `GET /api/patients whole, ${rows} patients: median ${ms(median(full))} over ${full.length} runs; ` +
    `whole / baseline = ${(median(full) / median(base)).toFixed(1)}x`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });

/** The bench clinic of a file seeded before. */
async function clinicOf(s: typeof store): Promise<string> {
  return (await s.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list()))[0]!.id;
}

/** A clinic of PATIENTS patients with DAYS days of check-ins each; returns its id. */
async function seed(): Promise<string> {
  const passwordHash = await TEST_HASHER.hash(TEST_PASSWORD);
  const { clinicId } = await store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Bench clinic" });
    await tx.staff.create({
      clinicId: clinic.id,
      email: "c@bench.example",
      displayName: "C",
      role: "clinician",
      passwordHash,
    });
    return { clinicId: clinic.id };
  });
  for (let first = 0; first < PATIENTS; first += SEED_BATCH) {
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      for (let p = first; p < Math.min(PATIENTS, first + SEED_BATCH); p++) {
        const patient = await tx.patients.create({
          clinicId,
          displayName: `Patient ${p}`,
          screening: {
            answers: {
              ageYears: 40,
              painMonths: 24,
              pregnancy: "no",
              opioids: [],
              mustStayOnOpioids: false,
              riskFactors: [],
            },
            result: {},
          },
        });
        await tx.plans.create({
          patientId: patient.id,
          protocolId: "micro-titration",
          protocolVersion: 1,
          settings: {},
          startDate: start,
          detector: "robust",
        });
        for (const day of schedule.days) {
          const pain = Math.max(0, Math.min(10, 7 - Math.floor(day.day / 8) + ((p + day.day) % 3) - 1));
          await tx.diary.record({
            patientId: patient.id,
            date: day.date,
            idempotencyKey: `bench-${p}-${day.day}`,
            body: { date: day.date, doses: day.doses, pain, sideEffects: [] },
          });
        }
      }
    });
  }
  return clinicId;
}
