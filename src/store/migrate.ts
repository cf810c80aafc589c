/** Runs the numbered migrations and reports which ones a database has. */
import { Migrator, type Kysely } from "kysely";
import { MIGRATION_NAMES, migrationProvider } from "./migrations/index.ts";
import type { DialectName } from "./migrations/dialect-name.ts";

/**
 * Brings the database to the newest schema this program knows; a no-op when it is there.
 * Refuses a database migrated by a newer program (Kysely reports its unknown migrations).
 *
 * @example
 * await migrateToLatest(db, "sqlite");
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  schema?: string,
): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider(dialect),
    // Kysely looks for its migration tables in any schema unless told which: two PostgreSQL
    // schemas migrating at once (parallel test files) would each find the other's lock table.
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${why}` : `cannot migrate: ${why}`);
  }
}

/**
 * Compares the migrations a database has applied with the ones this program knows.
 *
 * @example
 * migrationStatus(["0001-initial"]) // { known: ["0001-initial"], unknown: [], pending: [] }
 */
export function migrationStatus(applied: readonly string[]): {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
  readonly pending: readonly string[];
} {
  return {
    known: applied.filter((name) => MIGRATION_NAMES.includes(name)),
    unknown: applied.filter((name) => !MIGRATION_NAMES.includes(name)),
    pending: MIGRATION_NAMES.filter((name) => !applied.includes(name)),
  };
}
