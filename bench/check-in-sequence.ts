/**
 * The check-ins the check-in benchmarks send, each a new day's entry (one per patient per
 * day): check-in i is patient i mod PATIENTS's for the day i div PATIENTS after the first day
 * the diary allows. Patients enrolled DAYS_BACK days ago may check in for each of those days up
 * to tomorrow (src/app/use-cases/date-window.ts), so a database seeded here has room for
 * PATIENTS x (DAYS_BACK + 2) check-ins: 62,000, more than 12 s at 5,000 a second.
 */
import { seedSignedInPatients, type SignedInPatient } from "../src/http/testing/seed-signed-in-patient.ts";

const PATIENTS = 1000;
const DAYS_BACK = 60;

/** A clinic of PATIENTS patients enrolled DAYS_BACK days ago, each signed in. */
export const seedBenchPatients = (db: string): Promise<SignedInPatient[]> =>
  seedSignedInPatients(db, PATIENTS, { enrolledDaysAgo: DAYS_BACK });

/** The local date `days` after DAYS_BACK days ago. */
function diaryDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - DAYS_BACK + days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

/**
 * Check-in `i`: the path, the signed-in patient's cookie and the body.
 *
 * @example const { path, cookie, body } = benchCheckIn(patients, 0);
 */
export function benchCheckIn(
  patients: readonly SignedInPatient[],
  i: number,
): { readonly path: string; readonly cookie: string; readonly body: string } {
  const { patientId, cookie } = patients[i % patients.length]!;
  return {
    path: `/api/patients/${patientId}/check-ins`,
    cookie,
    body: JSON.stringify({
      date: diaryDate(Math.floor(i / patients.length)),
      doses: [{ time: "08:00", ug: 100 }],
      pain: 5,
      mood: 6,
      energy: 5,
      clarity: 6,
      sideEffects: [],
      impression: "same",
    }),
  };
}
