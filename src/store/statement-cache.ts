/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely's SQLite driver prepares
 * every query it runs: on the check-in path that compiling cost more than a tenth of the time
 * (bench/check-in.ts, CPU profile). This wraps the database so each distinct SQL text is
 * prepared once and reused. Safe because Kysely runs one query at a time on its single SQLite
 * connection; bounded because `in (?, ?, ...)` lists make SQL texts of many lengths.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Enough for every query shape the server runs; cleared whole when exceeded. */
const MAX_STATEMENTS = 500;

/**
 * @example new SqliteDialect({ database: cachingStatements(new BetterSqlite3(path)) })
 */
export function cachingStatements(native: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      native.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement === undefined) {
        if (cache.size >= MAX_STATEMENTS) cache.clear();
        statement = native.prepare(sql);
        cache.set(sql, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}
