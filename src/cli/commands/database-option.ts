/** The `--db PATH` option shared by the commands that open the clinic database. */
import { Option } from "commander";
import { refused } from "../../domain/errors.ts";
import {
  DEFAULT_SQLITE_PATH,
  resolveDatabaseConfig,
  type DatabaseConfig,
} from "../../store/database-config.ts";

export interface DatabaseFlags {
  readonly db?: string;
}

/** `--db PATH`; with no default on the option itself, so "not given" can defer to DATABASE_URL. */
export function dbOption(): Option {
  return new Option(
    "--db <path>",
    `SQLite database file (default ${DEFAULT_SQLITE_PATH}, or DATABASE_URL when set)`,
  );
}

/**
 * The database a command works on: `--db`, else `DATABASE_URL`, else the default file.
 *
 * @example
 * databaseConfigFor({}) // { kind: "sqlite", path: "./data/ldn.sqlite" } when DATABASE_URL is unset
 */
export function databaseConfigFor(flags: DatabaseFlags): DatabaseConfig {
  return resolveDatabaseConfig({ sqlitePath: flags.db, databaseUrl: process.env.DATABASE_URL });
}

/**
 * The SQLite file for commands that only make sense on one (backup, restore). Refuses rather
 * than quietly using the default file when DATABASE_URL says the clinic runs on PostgreSQL.
 *
 * @example
 * sqlitePathFor({ db: "./data/ldn.sqlite" }, "backup") // "./data/ldn.sqlite"
 */
export function sqlitePathFor(flags: DatabaseFlags, command: string): string {
  const config = databaseConfigFor(flags);
  if (config.kind === "sqlite") return config.path;
  throw refused(
    `ldn ${command} works on a SQLite file, but DATABASE_URL points at PostgreSQL: ` +
      `use pg_dump --format=custom (and pg_restore) as docs/scaling.md shows, or pass --db PATH`,
  );
}
