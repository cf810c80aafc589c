/** `ldn audit verify`: checks the audit chain of a database without changing it. */
import BetterSqlite3 from "better-sqlite3";
import { existsSync } from "node:fs";
import { Kysely, SqliteDialect } from "kysely";
import { notFound } from "../../domain/errors.ts";
import type { DatabaseConfig } from "../database-config.ts";
import { openDatabase } from "../database.ts";
import type { Schema } from "../schema.ts";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain.ts";

/**
 * Opens the database as it is (a SQLite file read-only, so even its journal mode is left alone;
 * no migrations run) and verifies its audit chain.
 *
 * @example
 * const report = await verifyDatabaseAudit({ kind: "sqlite", path: "./data/ldn.sqlite" });
 */
export async function verifyDatabaseAudit(config: DatabaseConfig): Promise<AuditChainReport> {
  return withDatabaseAsItIs(config, verifyAuditChain);
}

/**
 * Runs `look` on the database as it is: a SQLite file opened read-only, PostgreSQL without
 * migrating.
 *
 * @example await withDatabaseAsItIs(config, (db) => verifyCheckpoints(db, checkpoints))
 */
export async function withDatabaseAsItIs<T>(
  config: DatabaseConfig,
  look: (db: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  if (config.kind === "sqlite") {
    if (!existsSync(config.path)) throw notFound("database", `no database at ${config.path}`);
    const db = new Kysely<Schema>({
      dialect: new SqliteDialect({
        database: new BetterSqlite3(config.path, { readonly: true, fileMustExist: true }),
      }),
    });
    try {
      return await look(db);
    } finally {
      await db.destroy();
    }
  }
  const database = await openDatabase(config, { migrate: false });
  try {
    return await look(database.db);
  } finally {
    await database.close();
  }
}
