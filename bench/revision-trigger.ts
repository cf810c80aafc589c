/**
 * What migration 0012's revision triggers cost a check-in. Run with
 * `npx tsx bench/revision-trigger.ts [--rounds 5] [--inserts 5000]`.
 *
 * Two SQLite files migrated alike and seeded with the same 1,000 patients; the baseline's
 * `diary_entries` triggers are dropped. Each round inserts the same check-ins (one diary row
 * each, as a check-in stores it) into both, in one transaction each so the disk's commit does
 * not drown the statement, alternating which goes first; prints the time per insert and
 * the ratio with triggers to without.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore } from "../src/store/sql-store.ts";
import { benchArgs } from "./bench-args.ts";

const args = benchArgs(import.meta.filename, {
  rounds: { type: "string", default: "5" },
  inserts: { type: "string", default: "5000" },
});
const ROUNDS = Number(args.rounds);
const INSERTS = Number(args.inserts);
const PATIENTS = 1000;
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-trigger-"));

/** A migrated file with PATIENTS patients; `triggers` false drops the diary's revision triggers. */
async function prepared(name: string, triggers: boolean) {
  const path = join(dir, name);
  await (await openStore({ kind: "sqlite", path })).close();
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.prepare("insert into clinics (id, name, created_at) values ('c', 'Bench', '2027-01-01')").run();
  const patient = db.prepare(
    "insert into patients (id, clinic_id, display_name, screening, created_at) values (?, 'c', ?, '{}', '2027-01-01')",
  );
  for (let p = 0; p < PATIENTS; p++) patient.run(`p${p}`, `Patient ${p}`);
  if (!triggers) for (const op of ["i", "u", "d"]) db.exec(`drop trigger diary_entries_rev_${op}`);
  return db;
}

const withTriggers = await prepared("with.sqlite", true);
const without = await prepared("without.sqlite", false);
const BODY = JSON.stringify({ doses: [{ time: "08:00", ug: 100 }], pain: 5, sideEffects: [] });

/** Milliseconds to insert round r's check-ins into db, in one transaction. */
function insertRound(db: Database.Database, r: number): number {
  const insert = db.prepare(
    "insert into diary_entries (id, patient_id, entry_date, idempotency_key, body, recorded_at) " +
      "values (?, ?, ?, ?, ?, '2027-01-01T09:00:00Z')",
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < INSERTS; i++) {
      const n = r * INSERTS + i;
      const day = `2027-${String(1 + Math.floor(n / PATIENTS / 28)).padStart(2, "0")}-${String(1 + (Math.floor(n / PATIENTS) % 28)).padStart(2, "0")}`;
      insert.run(`e${n}`, `p${n % PATIENTS}`, day, `k${n}`, BODY);
    }
  })();
  return performance.now() - t0;
}

const ratios: number[] = [];
const us = (ms: number) => `${((ms * 1000) / INSERTS).toFixed(1)} µs`;
for (let r = 0; r < ROUNDS; r++) {
  const [a, b] = r % 2 === 0 ? [withTriggers, without] : [without, withTriggers];
  const first = insertRound(a, r);
  const second = insertRound(b, r);
  const [t, base] = r % 2 === 0 ? [first, second] : [second, first];
  ratios.push(t / base);
  console.log(
    `round ${r + 1}: with triggers ${us(t)} an insert, without ${us(base)}; ${(t / base).toFixed(2)}x`,
  );
}
const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
const revision = withTriggers.prepare("select sum(revision) as n from patients").get() as { n: number };
console.log(`median with / without: ${median.toFixed(2)}x (patients' revisions bumped: ${revision.n})`);
withTriggers.close();
without.close();
rmSync(dir, { recursive: true, force: true });
