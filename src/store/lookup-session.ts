/** Authenticating a request in one query: the session joined to its staff member or patient. */
import type { SessionSubject } from "../app/ports/session-repository.ts";
import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "./database.ts";
import type { Schema } from "./schema.ts";
import { toSession } from "./repositories/sql-session-repository.ts";

const sessionQuery = (db: Kysely<Schema>, id: string) =>
  db
    .selectFrom("sessions")
    .leftJoin("staff", (j) =>
      j.onRef("staff.id", "=", "sessions.subject_id").on("sessions.subject_kind", "=", "staff"),
    )
    .leftJoin("patients", (j) =>
      j.onRef("patients.id", "=", "sessions.subject_id").on("sessions.subject_kind", "=", "patient"),
    )
    .selectAll("sessions")
    .select([
      "staff.clinic_id as staff_clinic_id",
      "staff.role as staff_role",
      "staff.display_name as staff_display_name",
      "staff.disabled_at as staff_disabled_at",
      "patients.clinic_id as patient_clinic_id",
    ])
    .where("sessions.id", "=", id);

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>["executeTakeFirstOrThrow"]>>;

/**
 * The query compiled once per database, run with each request's session id in place of this
 * stand-in: every request runs it, and Kysely building and compiling it anew each time cost
 * more than SQLite running it (bench/check-in.ts's CPU profile).
 */
const ID = "\u0000session id";
const compiled = new WeakMap<Kysely<Schema>, CompiledQuery<SessionRow>>();

/**
 * @example await lookupSession(database, tokenHash(token)) // { session, staff, patientClinicId } or undefined
 */
export async function lookupSession(database: Database, id: string): Promise<SessionSubject | undefined> {
  const db = database.reads;
  let query = compiled.get(db);
  if (query === undefined) {
    query = sessionQuery(db, ID).compile();
    if (query.parameters.filter((p) => p === ID).length !== 1)
      throw new Error("the session id must be one parameter");
    compiled.set(db, query);
  }
  const parameters = query.parameters.map((p) => (p === ID ? id : p));
  const [row] = (await db.executeQuery<SessionRow>({ ...query, parameters })).rows;
  if (!row) return undefined;
  return {
    session: toSession(row),
    staff:
      row.staff_clinic_id && row.staff_role && row.staff_display_name !== null
        ? {
            clinicId: row.staff_clinic_id,
            role: row.staff_role,
            displayName: row.staff_display_name,
            disabledAt: row.staff_disabled_at ?? null,
          }
        : null,
    patientClinicId: row.patient_clinic_id ?? null,
  };
}
