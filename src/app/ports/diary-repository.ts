/**
 * The patient's daily diary (check-ins): one entry per patient per day. A correction replaces
 * the day's entry and keeps the version it replaced, so the record's history says who recorded
 * what, and when.
 */
import type { Actor } from "./actor.ts";

/** Who recorded a version: the patient on their phone, or a staff member; null when not known. */
export interface RecordedBy {
  readonly kind: Actor["kind"];
  readonly id: string;
  /** Their name as the clinic shows it (the staff member's or the patient's). */
  readonly name: string | null;
}

export interface DiaryEntry {
  readonly id: string;
  readonly patientId: string;
  /** `YYYY-MM-DD`, the day the entry is about. */
  readonly date: string;
  /** Chosen by the client; the same key for the same patient is the same check-in. */
  readonly idempotencyKey: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** When this version was recorded. */
  readonly recordedAt: string;
  /** 1, then one more for each correction. */
  readonly version: number;
  readonly recordedBy: RecordedBy | null;
}

/** An earlier version of a day's entry, as it was before a correction replaced it. */
export interface DiaryEntryVersion {
  readonly entryId: string;
  readonly date: string;
  readonly version: number;
  readonly idempotencyKey: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
  readonly recordedBy: RecordedBy | null;
}

export interface NewDiaryEntry {
  readonly patientId: string;
  readonly date: string;
  readonly idempotencyKey: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface RecordedCheckIn {
  /** The entry as this key recorded it (for a retry of a check-in since corrected: as it was). */
  readonly entry: DiaryEntry;
  /** New data was stored: a new day, or a correction of the day's entry. */
  readonly created: boolean;
  /** It replaced the day's earlier version, which is kept in the history. */
  readonly corrected: boolean;
}

export interface DiaryRepository {
  /**
   * Records a check-in. A new day makes an entry (`created`); another check-in for a day
   * already entered replaces its entry and keeps the replaced version (`created`, `corrected`);
   * a retry with a key already stored returns the entry as that key recorded it and changes
   * nothing (`created: false`), so a phone that retries never makes two.
   *
   * @example
   * const { entry, created } = await tx.diary.record({ patientId, date: "2027-01-05",
   *   idempotencyKey: "4b1f...", body: { pain: 6 } });
   */
  record(input: NewDiaryEntry): Promise<RecordedCheckIn>;
  /** @example await tx.diary.listForPatient(patientId) // one entry per day, by date */
  listForPatient(patientId: string): Promise<readonly DiaryEntry[]>;
  /**
   * The earlier versions of the patient's entries (corrected days only), oldest first.
   *
   * @example await tx.diary.historyForPatient(patientId)
   */
  historyForPatient(patientId: string): Promise<readonly DiaryEntryVersion[]>;
}
