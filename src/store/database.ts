/**
 * Opens the database named by a config, sets it up for durability and runs every pending
 * migration, so a fresh file or an empty PostgreSQL schema is ready to use at once.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "./database-config.ts";
import { ImmediateSqliteDialect } from "./immediate-sqlite-dialect.ts";
import { cachingStatements } from "./statement-cache.ts";
import { walFlush } from "./wal-flush.ts";
import { startWalCheckpointer } from "./wal-checkpointer.ts";
import { migrateToLatest } from "./migrate.ts";
import type { DialectName } from "./migrations/dialect-name.ts";
import type { Schema } from "./schema.ts";

export type { DialectName };

export interface Database {
  readonly db: Kysely<Schema>;
  /**
   * For reads that need no transaction (a request's session): on SQLite a second connection, so
   * they need not wait for the writer's batch and its flush; on PostgreSQL the same pool.
   */
  readonly reads: Kysely<Schema>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/** How long a SQLite writer waits for another process's transaction before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** false opens the database as it is, for tools that must look without changing anything (`ldn audit verify`). */
  readonly migrate?: boolean;
  /**
   * SQLite: checkpoint the WAL in a worker thread, not in the server's commits
   * (wal-checkpointer.ts), telling `warn` when checkpoints fail and when they work again. For a
   * long-running server: a worker costs a one-off command more than it saves.
   */
  readonly backgroundCheckpoints?: { readonly warn: (message: string) => void };
}

/**
 * Opens (creating if need be) and migrates the database.
 *
 * @example
 * const { db, close } = await openDatabase({ kind: "sqlite", path: "./data/ldn.sqlite" });
 * const { db } = await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL! });
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const database =
    config.kind === "sqlite"
      ? sqliteDatabase(openSqliteFile(config.path), config.path, options.backgroundCheckpoints)
      : await openPostgres(config);
  if (options.migrate === false) return database;
  try {
    await migrateToLatest(
      database.db,
      database.dialect,
      config.kind === "postgres" ? config.schema : undefined,
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Opens a SQLite file with the settings durability needs: WAL so readers never block the
 * writer; `synchronous=NORMAL` with the driver flushing the WAL after every commit before it
 * returns, off the event loop (wal-flush.ts), so a committed transaction survives power loss as
 * with FULL; foreign keys on (SQLite leaves them off by default).
 *
 * @example
 * const native = openSqliteFile("./data/ldn.sqlite");
 */
export function openSqliteFile(path: string): BetterSqlite3.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const native = new BetterSqlite3(path);
  native.pragma("journal_mode = WAL");
  native.pragma("synchronous = NORMAL");
  native.pragma("foreign_keys = ON");
  native.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return native;
}

/**
 * The database over `native`, an open connection to the SQLite file at `path` (opened by
 * `openSqliteFile`), with its second connection for reads, and with `backgroundCheckpoints`
 * a third, in a worker thread, for checkpoints.
 *
 * @example const database = sqliteDatabase(openSqliteFile(path), path);
 */
export function sqliteDatabase(
  native: BetterSqlite3.Database,
  path: string,
  backgroundCheckpoints?: OpenOptions["backgroundCheckpoints"],
): Database {
  const db = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({
      database: cachingStatements(native),
      inTransaction: () => native.inTransaction,
      wal: walFlush(path),
    }),
  });
  if (path === ":memory:") return { db, reads: db, dialect: "sqlite", close: () => db.destroy() };
  const reader = openSqliteFile(path);
  reader.pragma("query_only = ON");
  const reads = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(reader) }) });
  const checkpoints = backgroundCheckpoints && startWalCheckpointer(native, path, backgroundCheckpoints.warn);
  return {
    db,
    reads,
    dialect: "sqlite",
    close: async () => {
      // Stopped first: its last checkpoint copies what is left, and none runs while the connections close.
      await checkpoints?.stop();
      await reads.destroy();
      await db.destroy();
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(config: { url: string; schema?: string }): Promise<Database> {
  let options: string | undefined;
  if (config.schema !== undefined) {
    if (!SCHEMA_NAME.test(config.schema))
      throw new Error(`invalid PostgreSQL schema name '${config.schema}'`);
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${config.schema}"`);
    } finally {
      await client.end();
    }
    // Every pooled connection starts with the schema first on its search path.
    options = `-c search_path=${config.schema}`;
  }
  const pool = new pg.Pool({ connectionString: config.url, ...(options ? { options } : {}) });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, reads: db, dialect: "postgres", close: () => db.destroy() };
}
