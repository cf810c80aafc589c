/**
 * The dashboard's lines as kept in the database (migration 0012), so a clinic of ten thousand
 * is filtered, sorted and counted from one small row per patient. A line holds for the
 * patient's revision (bumped by the database on every write to their records), the day (the
 * engine's state depends on today) and the format of the code that made it.
 */
import type { PatientRecords } from "./clinic-records.ts";

/** What a kept line is valid for. */
export interface SummaryKey {
  readonly day: string;
  readonly format: number;
}

/** What the dashboard filters, sorts and counts on. */
export interface SummaryColumns {
  readonly state: string | null;
  readonly todayUg: number | null;
  readonly lastCheckIn: string | null;
  /** The codes of what needs attention, most urgent first. */
  readonly attention: readonly string[];
}

/** One patient of the clinic, with their kept line's columns when it is fresh. */
export interface SummaryLine {
  readonly id: string;
  readonly displayName: string;
  /** The patient's revision when read: a line made now from their records is valid for it. */
  readonly revision: number;
  readonly fresh: SummaryColumns | null;
}

export interface SummaryToSave extends SummaryColumns {
  readonly patientId: string;
  readonly revision: number;
  /** The whole line, kept as JSON. */
  readonly body: unknown;
}

export interface PatientSummaryStore {
  /**
   * Every patient of the clinic in enrolment order, with their line's columns when one is kept
   * for their current revision and `key`. Not audited per patient: only states and flags to
   * count and filter on are read here, and the lines shown are read (and audited) by
   * `summaryBodies`.
   *
   * @example const lines = await tx.records.summaryLines(clinicId, { day: "2027-03-01", format: 1 });
   */
  summaryLines(clinicId: string, key: SummaryKey): Promise<readonly SummaryLine[]>;
  /**
   * The records of these patients of the clinic, to make their lines again. Not audited: the
   * records stay in the server; the lines made of them are audited when shown.
   */
  recordsToSummarise(clinicId: string, ids: readonly string[]): Promise<readonly PatientRecords[]>;
  /** Keeps these lines for `key`, replacing any kept before. */
  saveSummaries(clinicId: string, key: SummaryKey, lines: readonly SummaryToSave[]): Promise<void>;
  /**
   * The kept lines of these patients for `key`, in the order asked; audited as one
   * `patient.summary` event per patient, with the scope shown ("clinical" or "dosing").
   */
  summaryBodies(
    clinicId: string,
    ids: readonly string[],
    key: SummaryKey,
    scope: "clinical" | "dosing",
  ): Promise<readonly unknown[]>;
}
