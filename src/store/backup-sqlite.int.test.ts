/**
 * Backups of a live SQLite database (SQLite only: PostgreSQL is backed up with its own tools).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { backupSqlite } from "./backup-sqlite.ts";
import { checkSqliteFile } from "./check-sqlite-file.ts";
import { openDatabase } from "./database.ts";
import { createSqlStore } from "./sql-store.ts";

const WRITER = join(import.meta.dirname, "testing", "diary-writer.ts");

/** Rows of history, so VACUUM INTO takes long enough for the writer to commit meanwhile. */
const HISTORY_ROWS = 30_000;

let dir: string;
let source: string;
/** Writers this file started, stopped after each test even if the test timed out. */
const writers: ChildProcessWithoutNullStreams[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ldn-backup-"));
  source = join(dir, "ldn.sqlite");
});
afterEach(() => {
  for (const child of writers.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function seedPatient(): Promise<string> {
  const database = await openDatabase({ kind: "sqlite", path: source });
  try {
    const store = createSqlStore(database);
    const patient = await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Northside" });
      return tx.patients.create({ clinicId: clinic.id, displayName: "R. Jones", screening: {} });
    });
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < HISTORY_ROWS; i += 1_000) {
        const rows = Array.from({ length: 1_000 }, (_, j) => ({
          id: `history-${i + j}`,
          patient_id: patient.id,
          // One entry per patient per day (0003): a day each, counting back from 2026-12-01.
          entry_date: new Date(Date.UTC(2026, 11, 1) - (i + j) * 86_400_000).toISOString().slice(0, 10),
          idempotency_key: `history-${i + j}`,
          body: JSON.stringify({ note: "x".repeat(200) }),
          recorded_at: "2026-12-01T08:00:00.000Z",
        }));
        await trx.insertInto("diary_entries").values(rows).execute();
      }
    });
    return patient.id;
  } finally {
    await database.close();
  }
}

/** Starts the writer; `commits` fills with [key, epoch ms] as it reports each commit. */
function startWriter(patientId: string) {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, source, patientId]);
  writers.push(child);
  const commits: [string, number][] = [];
  let buffered = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (buffered + chunk.toString()).split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      const [key, ms] = line.split(" ");
      commits.push([key!, Number(ms)]);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const waitFor = async (n: number) => {
    for (let waited = 0; commits.length < n; waited += 10) {
      if (waited > 20_000 || child.exitCode !== null) throw new Error(`writer stalled: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { child, commits, exited, waitFor };
}

describe("ldn backup of a live SQLite database", () => {
  it("copies a WAL database while another process keeps committing, and the copy holds every row committed before it began", async () => {
    const patientId = await seedPatient();
    const writer = startWriter(patientId);
    await writer.waitFor(50);
    const committedBefore = writer.commits.length;
    const started = Date.now();
    backupSqlite(source, join(dir, "backup.sqlite"), { overwrite: false });
    const finished = Date.now();
    await writer.waitFor(committedBefore + 20);
    writer.child.kill("SIGTERM");
    expect(await writer.exited).toBe(0);

    // The writer really was committing while the copy was being made.
    expect(writer.commits.some(([, ms]) => ms >= started && ms <= finished)).toBe(true);

    const check = await checkSqliteFile(join(dir, "backup.sqlite"));
    expect(check).toMatchObject({ ok: true, problems: [] });
    const copy = new BetterSqlite3(join(dir, "backup.sqlite"), { readonly: true });
    // The writer checks in for one day again and again: each check-in corrects the day, and
    // the versions it replaced are kept, so every key committed is in one table or the other.
    const keys = (
      copy
        .prepare(
          "select idempotency_key k from diary_entries where k like 'live-%' " +
            "union all select idempotency_key k from diary_entry_versions where k like 'live-%'",
        )
        .all() as {
        k: string;
      }[]
    ).map((r) => r.k);
    const history = copy.prepare("select count(*) n from diary_entries where id like 'history-%'").get();
    copy.close();

    // One consistent snapshot: exactly the writer's first k commits, k at least those made before.
    expect(keys.length).toBeGreaterThanOrEqual(committedBefore);
    expect(new Set(keys)).toEqual(new Set(writer.commits.slice(0, keys.length).map(([key]) => key)));
    expect(history).toEqual({ n: HISTORY_ROWS });
  });

  it("refuses to overwrite an existing file unless told to, and then replaces it whole", async () => {
    await seedPatient();
    const target = join(dir, "backup.sqlite");
    writeFileSync(target, "an older backup");
    expect(() => backupSqlite(source, target, { overwrite: false })).toThrow(
      `${target} already exists; pass --force to overwrite it`,
    );
    backupSqlite(source, target, { overwrite: true });
    expect((await checkSqliteFile(target)).ok).toBe(true);
  });

  it("says there is no database rather than creating an empty one", () => {
    expect(() =>
      backupSqlite(join(dir, "missing.sqlite"), join(dir, "b.sqlite"), { overwrite: false }),
    ).toThrow(/no database at .*missing\.sqlite/);
  });
});
