import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupSqlite } from "../../store/backup-sqlite.ts";
import { seedDatabase } from "../../store/testing/seed-database.ts";
import { runCli } from "../testing.ts";
import { MIGRATION_NAMES } from "../../store/migrations/index.ts";

let dir: string;
let db: string;
let backup: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-restore-"));
  db = join(dir, "ldn.sqlite");
  backup = join(dir, "backup.sqlite");
  await seedDatabase({ kind: "sqlite", path: db }, 2);
  backupSqlite(db, backup, { overwrite: false });
  // The live database moves on after the backup: one more check-in.
  await seedDatabase({ kind: "sqlite", path: db }, 1);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const count = (path: string, table: string) => {
  const native = new BetterSqlite3(path, { readonly: true });
  try {
    return (native.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  } finally {
    native.close();
  }
};
const diaryCount = (path: string) => count(path, "diary_entries");

/** Commits a clinic into the WAL only, then dies as a crashed server would, leaving `-wal` behind. */
function crashWithCommitInWal(path: string): void {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.pragma("wal_autocheckpoint = 0");
    db.prepare("insert into clinics values ('crashed', 'Only in the WAL', '2027-01-04T00:00:00.000Z')").run();
    process.kill(process.pid, "SIGKILL");`;
  try {
    execFileSync(process.execPath, ["-e", script, path]);
  } catch {
    // Killed on purpose.
  }
}

describe("ldn restore", () => {
  it("without --yes checks the backup, says what it would do and changes nothing", async () => {
    const { code, stdout } = await runCli(["restore", backup, "--db", db]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `checked ${backup}: integrity ok, migrations ${MIGRATION_NAMES.join(", ")}, audit chain intact (4 events`,
    );
    expect(stdout).toContain(`would replace ${db} with ${backup}`);
    expect(diaryCount(db)).toBe(3);
  });

  it("with --yes puts the backup in place and keeps the previous database, with its WAL, beside it", async () => {
    crashWithCommitInWal(db);
    expect(existsSync(`${db}-wal`)).toBe(true);
    const { code, stdout } = await runCli(["restore", backup, "--db", db, "--yes"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /restored .* from .*; the previous database is kept as .*ldn\.sqlite\.before-restore-/,
    );
    // The old WAL went with the old file: replayed into the restored one it would corrupt it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(diaryCount(db)).toBe(2);
    expect(count(db, "clinics")).toBe(1);
    const kept = readdirSync(dir).filter((f) => f.startsWith("ldn.sqlite.before-restore-"));
    const keptDb = kept.find((f) => !f.endsWith("-wal") && !f.endsWith("-shm"))!;
    expect(kept).toContain(`${keptDb}-wal`);
    expect(diaryCount(join(dir, keptDb))).toBe(3);
    expect(count(join(dir, keptDb), "clinics")).toBe(3);
    expect(await runCli(["audit", "verify", "--db", db])).toMatchObject({ code: 0 });
  });

  it("refuses a file that is not a database, exit 1, in one line", async () => {
    const junk = join(dir, "junk.sqlite");
    writeFileSync(junk, "this is not SQLite at all, just text long enough to look like a file".repeat(20));
    const { code, stderr } = await runCli(["restore", junk, "--db", db, "--yes"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ldn: .*junk\.sqlite failed its checks: .*\n$/);
    expect(diaryCount(db)).toBe(3);
  });

  it("refuses a backup made by a newer ldn", async () => {
    const native = new BetterSqlite3(backup);
    native
      .prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', 'x')")
      .run();
    native.close();
    const { code, stderr } = await runCli(["restore", backup, "--db", db, "--yes"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `ldn: ${backup} failed its checks: made by a newer ldn: unknown migrations 9999-from-the-future\n`,
    );
  });

  it("refuses a backup whose audit chain was tampered with", async () => {
    const native = new BetterSqlite3(backup);
    native.exec(
      "drop trigger audit_events_no_update; update audit_events set action = 'nothing' where id = 2",
    );
    native.close();
    const { code, stderr } = await runCli(["restore", backup, "--db", db, "--yes"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `ldn: ${backup} failed its checks: audit chain broken at event 2: does not match its hash\n`,
    );
  });
});
