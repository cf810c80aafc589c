/**
 * Everything stored but the audit trail, as one comparable text: a refused request must leave it
 * exactly as it was (the audit trail grows by the refusal's own event, which is the point of it).
 * The tables are read from the database itself, so a table added by a later migration is
 * compared too.
 */
import { sql } from "kysely";
import type { Database } from "../../store/database.ts";

/**
 * The only tables a refusal writes to: the audit trail and its chain head, and the login
 * throttle's counters (a refused sign-in must count, or the throttle would forgive it).
 */
const AUDIT_TABLES = new Set(["audit_events", "audit_chain_head", "login_attempts"]);

/**
 * Each table's rows, sorted, as JSON.
 *
 * @example
 * const before = await storedRows(server.database);
 * await client.post("/api/patients", hostile);
 * expect(await storedRows(server.database)).toBe(before);
 */
export async function storedRows(database: Database): Promise<string> {
  let names = TABLES.get(database);
  if (names === undefined) {
    names = await tableNames(database);
    TABLES.set(database, names);
  }
  if (database.dialect === "postgres") {
    // One round trip: each table's rows as text, sorted, in one row.
    const parts = names.map(
      (name) =>
        sql`(select coalesce(string_agg(t::text, '\n' order by t::text), '') from ${sql.table(name)} t) as ${sql.ref(name)}`,
    );
    const row = (await sql<Record<string, string>>`select ${sql.join(parts)}`.execute(database.db)).rows[0]!;
    return JSON.stringify(names.map((name) => [name, row[name]]));
  }
  const tables: Record<string, string[]> = {};
  const db = database.db as unknown as {
    selectFrom(table: string): { selectAll(): { execute(): Promise<Record<string, unknown>[]> } };
  };
  for (const table of names) {
    const rows = await db.selectFrom(table).selectAll().execute();
    tables[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify(tables);
}

/** Each database's tables, read once (a test's database is migrated before it is used). */
const TABLES = new WeakMap<Database, readonly string[]>();

async function tableNames(database: Database): Promise<string[]> {
  // PostgreSQL lists every schema's tables (other test runs' too): only ours count.
  const schema =
    database.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]!
          .schema
      : undefined;
  return (await database.db.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .filter((name) => !AUDIT_TABLES.has(name))
    .sort();
}
