/** Authenticating a request in one query: the session joined to its staff member or patient. */
import type { SessionSubject } from "../app/ports/session-repository.ts";
import { compiledOnce } from "./compiled-once.ts";
import type { Database } from "./database.ts";
import { toSession } from "./repositories/sql-session-repository.ts";

/** Compiled once (compiled-once.ts): every request runs it. */
const sessionQuery = compiledOnce((db, v: { id: string }) =>
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
    .where("sessions.id", "=", v.id),
);

/**
 * @example await lookupSession(database, tokenHash(token)) // { session, staff, patientClinicId } or undefined
 */
export async function lookupSession(database: Database, id: string): Promise<SessionSubject | undefined> {
  const [row] = (await sessionQuery(database.reads, { id })).rows;
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
