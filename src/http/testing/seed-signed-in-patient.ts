/**
 * A clinic, a patient and a signed-in session for that patient, written straight into a
 * SQLite file before a server process starts (the session lives in the database, so it
 * survives restarts). For the kill test and the check-in benchmarks.
 */
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { openStore } from "../../store/sql-store.ts";
import { newToken, tokenHash } from "../../app/tokens.ts";

/**
 * @example const { patientId, cookie } = await seedSignedInPatient("/tmp/x/ldn.sqlite");
 */
export async function seedSignedInPatient(
  db: string,
  names: { readonly clinic: string; readonly patient: string } = {
    clinic: "Bench clinic",
    patient: "B. Ench",
  },
): Promise<{ readonly patientId: string; readonly cookie: string }> {
  const token = newToken();
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const patientId = await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: names.clinic });
      const patient = await tx.patients.create({
        clinicId: clinic.id,
        displayName: names.patient,
        screening: {},
      });
      await tx.sessions.create({
        id: tokenHash(token),
        subjectKind: "patient",
        subjectId: patient.id,
        expiresAt: "2999-01-01T00:00:00.000Z",
      });
      return patient.id;
    });
    return { patientId, cookie: `ldn_session=${token}` };
  } finally {
    await store.close();
  }
}
