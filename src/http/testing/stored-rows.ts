/**
 * Everything stored but the audit trail, as one comparable text: a refused request must leave it
 * exactly as it was (the audit trail grows by the refusal's own event, which is the point of it).
 */
import type { Database } from "../../store/database.ts";
import type { Schema } from "../../store/schema.ts";

const TABLES = [
  "clinics",
  "staff",
  "patients",
  "invitations",
  "plans",
  "diary_entries",
  "questionnaire_responses",
  "recommendations",
  "decisions",
  "sessions",
] as const satisfies readonly (keyof Schema)[];

/**
 * Each table's rows, sorted, as JSON.
 *
 * @example
 * const before = await storedRows(server.database);
 * await client.post("/api/patients", hostile);
 * expect(await storedRows(server.database)).toBe(before);
 */
export async function storedRows(database: Database): Promise<string> {
  const tables: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await database.db.selectFrom(table).selectAll().execute();
    tables[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify(tables);
}
