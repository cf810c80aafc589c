/** Checks a SQLite file before anyone trusts it as a backup. */
import { existsSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { verifyAuditChain } from "./audit/verify-audit-chain.ts";
import { migrationStatus } from "./migrate.ts";
import type { Schema } from "./schema.ts";

export interface SqliteFileCheck {
  /** True when nothing below is a problem. */
  readonly ok: boolean;
  /** One line per problem found; empty when ok. */
  readonly problems: readonly string[];
  readonly migrations: readonly string[];
  /** Migrations this program would still run when it opens the file (not a problem). */
  readonly pendingMigrations: readonly string[];
  readonly auditEvents: number | null;
  readonly auditHeadHash: string | null;
}

/**
 * Opens `path` read-only and checks, in order: SQLite's `integrity_check`; that the migrations
 * table exists and names no migration newer than this program; that the audit chain verifies.
 *
 * @example
 * const check = await checkSqliteFile("./backups/2027-01-04.sqlite");
 * if (!check.ok) console.error(check.problems.join("\n"));
 */
export async function checkSqliteFile(path: string): Promise<SqliteFileCheck> {
  const result = {
    problems: [] as string[],
    migrations: [] as string[],
    pendingMigrations: [] as readonly string[],
    auditEvents: null as number | null,
    auditHeadHash: null as string | null,
  };
  const done = () => ({ ...result, ok: result.problems.length === 0 });
  if (!existsSync(path)) return { ...done(), ok: false, problems: [`no file at ${path}`] };

  const native = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: native }) });
  try {
    const integrity = native.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const lines = integrity.map((r) => r.integrity_check);
    if (lines.join() !== "ok") {
      result.problems.push(`integrity_check failed: ${lines.slice(0, 3).join("; ")}`);
      return done();
    }
    const hasTable = (name: string) =>
      native.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
    if (!hasTable("kysely_migration")) {
      result.problems.push("not an ldn database: it has no migrations table");
      return done();
    }
    const applied = (
      native.prepare("select name from kysely_migration order by name").all() as { name: string }[]
    ).map((r) => r.name);
    const status = migrationStatus(applied);
    result.migrations = applied;
    result.pendingMigrations = status.pending;
    if (status.unknown.length > 0) {
      result.problems.push(`made by a newer ldn: unknown migrations ${status.unknown.join(", ")}`);
      return done();
    }
    if (hasTable("audit_events")) {
      const report = await verifyAuditChain(db);
      result.auditEvents = report.events;
      if (report.ok) result.auditHeadHash = report.headHash;
      else result.problems.push(`audit chain broken at event ${report.badId}: ${report.reason}`);
    }
    return done();
  } catch (error) {
    // better-sqlite3 reports a file that is not SQLite only when it is first read.
    result.problems.push(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return done();
  } finally {
    await db.destroy();
  }
}
