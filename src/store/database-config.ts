/**
 * Where the database is: a SQLite file (the default, nothing to install) or a PostgreSQL URL.
 */

/** The SQLite file used when neither `--db` nor `DATABASE_URL` says otherwise. */
export const DEFAULT_SQLITE_PATH = "./data/ldn.sqlite";

export type DatabaseConfig =
  | { readonly kind: "sqlite"; readonly path: string }
  /** `schema`, when given, is created if missing and put first on the search path. */
  | { readonly kind: "postgres"; readonly url: string; readonly schema?: string };

/**
 * Chooses the database: an explicit SQLite path wins, then `DATABASE_URL`, then the default file.
 *
 * @example
 * resolveDatabaseConfig({ databaseUrl: process.env.DATABASE_URL })
 * // { kind: "postgres", url: "postgres://..." } when set, else { kind: "sqlite", path: "./data/ldn.sqlite" }
 */
export function resolveDatabaseConfig(options: {
  readonly sqlitePath?: string;
  readonly databaseUrl?: string;
}): DatabaseConfig {
  if (options.sqlitePath !== undefined) return { kind: "sqlite", path: options.sqlitePath };
  if (options.databaseUrl) return { kind: "postgres", url: options.databaseUrl };
  return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };
}
