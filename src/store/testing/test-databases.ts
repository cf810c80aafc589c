/**
 * The databases the storage contract suite runs on, Kysely-tests style:
 * `for (const dialect of DIALECTS) describe(dialect, ...)`.
 *
 * SQLite always runs, on a real file in a fresh temporary directory. PostgreSQL runs when
 * `DATABASE_URL` is set, or in CI (`CI=true`), where it defaults to the service on
 * 127.0.0.1:5432. Each PostgreSQL database gets its own schema, `ldn_test_<random>`, dropped at
 * cleanup, so parallel test files and concurrent runs never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../database-config.ts";
import type { DialectName } from "../migrations/dialect-name.ts";

/** The PostgreSQL the CI service provides (trust auth, database `test`). */
const CI_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The PostgreSQL URL to test against, or undefined to skip PostgreSQL. */
export const TEST_DATABASE_URL: string | undefined =
  process.env.DATABASE_URL || (process.env.CI === "true" ? CI_DATABASE_URL : undefined);

if (TEST_DATABASE_URL === undefined) {
  console.warn(
    "\n*** PostgreSQL SKIPPED: storage tests ran on SQLite only. Set DATABASE_URL=postgres://... " +
      "(or CI=true for postgres://postgres@127.0.0.1:5432/test) to run them on PostgreSQL too. ***\n",
  );
}

export const DIALECTS: readonly DialectName[] = TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabaseConfig {
  readonly config: DatabaseConfig;
  /** Removes the temporary directory or drops the schema. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, empty database of `dialect`.
 *
 * @example
 * const { config, cleanup } = testDatabaseConfig("postgres");
 * const database = await openDatabase(config);
 */
export function testDatabaseConfig(dialect: DialectName): TestDatabaseConfig {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "ldn-store-"));
    return {
      config: { kind: "sqlite", path: join(dir, "ldn.sqlite") },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = TEST_DATABASE_URL;
  if (url === undefined) throw new Error("PostgreSQL tests need DATABASE_URL or CI=true");
  const schema = `ldn_test_${randomBytes(6).toString("hex")}`;
  return {
    config: { kind: "postgres", url, schema },
    async cleanup() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
