import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "../../store/testing/seed-database.ts";
import { runCli } from "../testing.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-backup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ldn backup", () => {
  it("writes a checked copy and reports its size and audit head", async () => {
    const db = join(dir, "ldn.sqlite");
    await seedDatabase({ kind: "sqlite", path: db });
    const { code, stdout, stderr } = await runCli(["backup", join(dir, "copy.sqlite"), "--db", db]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^backed up .*ldn\.sqlite to .*copy\.sqlite \(\d+ bytes\): integrity ok, audit chain intact \(4 events, head [0-9a-f]{64}\)\n$/,
    );
  });

  it("refuses to overwrite an existing file without --force, in one line", async () => {
    const db = join(dir, "ldn.sqlite");
    await seedDatabase({ kind: "sqlite", path: db });
    const target = join(dir, "copy.sqlite");
    writeFileSync(target, "keep me");
    const refused = await runCli(["backup", target, "--db", db]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `ldn: ${target} already exists; pass --force to overwrite it\n`,
    });
    expect((await runCli(["backup", target, "--db", db, "--force"])).code).toBe(0);
  });

  it("says there is no database instead of creating one", async () => {
    const missing = join(dir, "nope.sqlite");
    expect(await runCli(["backup", join(dir, "copy.sqlite"), "--db", missing])).toEqual({
      code: 2,
      stdout: "",
      stderr: `ldn: no database at ${missing}\n`,
    });
  });

  it("refuses with exit 2 on PostgreSQL, pointing at pg_dump, and writes nothing", async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ldn";
    try {
      const target = join(dir, "copy.sqlite");
      expect(await runCli(["backup", target])).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "ldn: ldn backup works on a SQLite file, but DATABASE_URL points at PostgreSQL: " +
          "use pg_dump --format=custom (and pg_restore) as docs/scaling.md shows, or pass --db PATH\n",
      });
      expect(existsSync(target)).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  it("shows examples in its help", async () => {
    const { code, stdout } = await runCli(["backup", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ldn backup backups/ldn-2027-01-04.sqlite");
  });
});
