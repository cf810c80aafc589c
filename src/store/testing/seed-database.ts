/**
 * A small clinic in a fresh database, for tests that need real rows and a real audit chain.
 */
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { DatabaseConfig } from "../database-config.ts";
import { openStore } from "../sql-store.ts";

/**
 * Creates (and migrates) the database, adds a clinic, a patient and `checkIns` diary entries,
 * and closes it. Returns the patient's id.
 *
 * @example
 * const patientId = await seedDatabase({ kind: "sqlite", path }, 3);
 */
export async function seedDatabase(config: DatabaseConfig, checkIns = 2): Promise<string> {
  const store = await openStore(config);
  try {
    const patient = await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Northside Pain Clinic" });
      return tx.patients.create({ clinicId: clinic.id, displayName: "R. Jones", screening: {} });
    });
    for (let day = 1; day <= checkIns; day++) {
      await store.transaction({ kind: "patient", id: patient.id }, (tx) =>
        tx.diary.record({
          patientId: patient.id,
          date: `2027-01-${String(day).padStart(2, "0")}`,
          idempotencyKey: `day-${day}`,
          body: { pain: 5 },
        }),
      );
    }
    return patient.id;
  } finally {
    await store.close();
  }
}
