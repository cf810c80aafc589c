/**
 * A clinic, patients and a signed-in session for each, written straight into a SQLite file (or
 * a `postgres://` database) before a server process starts (the sessions live in the database,
 * so they survive restarts). For the kill tests and the check-in benchmarks.
 */
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { newToken, tokenHash } from "../../app/tokens.ts";
import { openStore } from "../../store/sql-store.ts";

export interface SignedInPatient {
  readonly patientId: string;
  readonly cookie: string;
}

const DAY_MS = 86_400_000;

/**
 * `count` patients of one new clinic, each with a session, enrolled `enrolledDaysAgo` days ago
 * (so the diary's window reaches back that far: see date-window.ts).
 *
 * @example const patients = await seedSignedInPatients("/tmp/x/ldn.sqlite", 1000, { enrolledDaysAgo: 60 });
 */
export async function seedSignedInPatients(
  db: string,
  count: number,
  options: { readonly clinic?: string; readonly patient?: string; readonly enrolledDaysAgo?: number } = {},
): Promise<SignedInPatient[]> {
  // Enrolled in the past; signed in now (a session's age counts from its creation).
  let now = new Date(Date.now() - (options.enrolledDaysAgo ?? 0) * DAY_MS);
  const store = await openStore(
    db.startsWith("postgres://") ? { kind: "postgres", url: db } : { kind: "sqlite", path: db },
    { clock: { now: () => now } },
  );
  try {
    const patientIds = await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: options.clinic ?? "Bench clinic" });
      const name = options.patient ?? "B. Ench";
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const displayName = count === 1 ? name : `${name} ${i + 1}`;
        ids.push((await tx.patients.create({ clinicId: clinic.id, displayName, screening: {} })).id);
      }
      return ids;
    });
    now = new Date();
    return await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const seeded: SignedInPatient[] = [];
      for (const patientId of patientIds) {
        const token = newToken();
        await tx.sessions.create({
          id: tokenHash(token),
          subjectKind: "patient",
          subjectId: patientId,
          expiresAt: "2999-01-01T00:00:00.000Z",
        });
        seeded.push({ patientId, cookie: `ldn_session=${token}` });
      }
      return seeded;
    });
  } finally {
    await store.close();
  }
}

/**
 * @example const { patientId, cookie } = await seedSignedInPatient("/tmp/x/ldn.sqlite");
 */
export async function seedSignedInPatient(
  db: string,
  names: { readonly clinic: string; readonly patient: string } = {
    clinic: "Bench clinic",
    patient: "B. Ench",
  },
): Promise<SignedInPatient> {
  const [only] = await seedSignedInPatients(db, 1, names);
  return only!;
}
