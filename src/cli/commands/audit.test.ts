import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS, TEST_DATABASE_URL, testDatabaseConfig } from "../../store/testing/test-databases.ts";
import { seedDatabase } from "../../store/testing/seed-database.ts";
import { runCli } from "../testing.ts";

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-audit-"));
  db = join(dir, "ldn.sqlite");
  await seedDatabase({ kind: "sqlite", path: db }, 3);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ldn audit verify", () => {
  it("exits 0 and prints the event count and head hash when the chain is intact", async () => {
    const { code, stdout } = await runCli(["audit", "verify", "--db", db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^audit chain intact: 5 events, head [0-9a-f]{64}\n$/);
  });

  it("exits 1 naming the first tampered event", async () => {
    const native = new BetterSqlite3(db);
    native.exec(
      "drop trigger audit_events_no_update; update audit_events set patient_id = 'other' where id = 3",
    );
    native.close();
    expect(await runCli(["audit", "verify", "--db", db])).toEqual({
      code: 1,
      stdout: "",
      stderr: "ldn: audit chain broken at event 3: does not match its hash (2 events before it verify)\n",
    });
  });

  it("says there is no database, exit 2", async () => {
    const missing = join(dir, "missing.sqlite");
    expect(await runCli(["audit", "verify", "--db", missing])).toEqual({
      code: 2,
      stdout: "",
      stderr: `ldn: no database at ${missing}\n`,
    });
  });

  it.runIf(DIALECTS.includes("postgres"))(
    "verifies a PostgreSQL database named by DATABASE_URL",
    async () => {
      const test = testDatabaseConfig("postgres");
      const previous = process.env.DATABASE_URL;
      try {
        await seedDatabase(test.config, 1);
        const schema = (test.config as { schema: string }).schema;
        // The URL alone selects the schema, as an operator's DATABASE_URL could.
        process.env.DATABASE_URL = `${TEST_DATABASE_URL}?options=-c%20search_path%3D${schema}`;
        const { code, stdout } = await runCli(["audit", "verify"]);
        expect(stdout).toMatch(/^audit chain intact: 3 events, head [0-9a-f]{64}\n$/);
        expect(code).toBe(0);
      } finally {
        if (previous === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = previous;
        await test.cleanup();
      }
    },
  );
});
