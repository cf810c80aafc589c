/** A patient's daily check-in: validated as a diary day, stored once per client key. */
import type { RecordedCheckIn } from "../ports/diary-repository.ts";
import type { Repositories } from "../ports/store.ts";
import type { DiaryDay } from "../../domain/diary/diary-day.ts";
import { parseDiaryDay } from "../../domain/diary/parse-diary-day.ts";
import { badRequest, conflict } from "../../domain/errors.ts";

/** Client keys: what a phone can make (a UUID), bounded so a key is never a payload. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Checks a check-in before any transaction opens (errors name the field as the request carries
 * it: `body.pain`, `body.doses[0].ug`), so validation never holds the database.
 *
 * @example parseCheckIn({ date: "2027-01-05", doses: [], pain: 6, sideEffects: [] })
 */
export function parseCheckIn(body: unknown, path = "body"): DiaryDay {
  return parseDiaryDay(body, path);
}

/**
 * Checks a client's Idempotency-Key: present, and what a phone can make (a UUID); a malformed
 * request otherwise (400 over HTTP).
 *
 * @example idempotencyKeyOf(request.header("idempotency-key")) // "3f1c6a0e-..."
 */
export function idempotencyKeyOf(key: string | undefined): string {
  if (!key) throw badRequest("Idempotency-Key", "required (a UUID made once per check-in)");
  if (!KEY_PATTERN.test(key))
    throw badRequest("Idempotency-Key", "must be 8-100 letters, digits, - or _ (e.g. a UUID)");
  return key;
}

/**
 * Records a checked day: one entry per day, so a check-in for a day already entered corrects
 * it (`corrected: true`; the version it replaces is kept in the history). The same key again
 * returns the entry as that key stored it with `created: false`, so a retrying phone never
 * makes two.
 *
 * @example
 * await recordCheckIn(tx, patientId, "3f1c6a0e-...", parseCheckIn(body));
 */
export async function recordCheckIn(
  tx: Repositories,
  patientId: string,
  idempotencyKey: string,
  day: DiaryDay,
): Promise<RecordedCheckIn> {
  idempotencyKeyOf(idempotencyKey);
  const body = { ...day };
  const recorded = await tx.diary.record({ patientId, date: day.date, idempotencyKey, body });
  // A key names one check-in: the same key with other data is a client's mistake, never a retry,
  // and answering with the stored entry would silently drop the new data.
  if (!recorded.created && canonicalJson(recorded.entry.body) !== canonicalJson(body)) {
    throw conflict(
      `Idempotency-Key: "${idempotencyKey}" was already used for a different check-in (${recorded.entry.date}); ` +
        "make a new key for new data",
      "Idempotency-Key",
    );
  }
  return recorded;
}

/** JSON with object keys sorted, so two equal values compare equal however they were stored. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
