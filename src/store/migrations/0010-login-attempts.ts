/**
 * 0010: login throttling in the database, so several server processes on one PostgreSQL share
 * it (issue 14). Append-only: never edited once landed.
 *
 * - login_attempts: one row per counter an attempt counts against (`name`, e.g.
 *   `login-account:a@x.example`), from the moment it begins (`began_ms`, milliseconds since
 *   the epoch) while it is `in_flight`, then `failed`; a success or an abandoned attempt deletes
 *   its rows. Rows older than the window are pruned as counters are read.
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("began_ms", "bigint", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('in_flight', 'failed')`))
    .execute();
  await db.schema
    .createIndex("login_attempts_name_began")
    .on("login_attempts")
    .columns(["name", "began_ms"])
    .execute();
}
