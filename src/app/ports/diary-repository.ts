/** The patient's daily diary (check-ins). */
export interface DiaryEntry {
  readonly id: string;
  readonly patientId: string;
  /** `YYYY-MM-DD`, the day the entry is about. */
  readonly date: string;
  /** Chosen by the client; the same key for the same patient is the same entry. */
  readonly idempotencyKey: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
}

export type NewDiaryEntry = Omit<DiaryEntry, "id" | "recordedAt">;

export interface DiaryRepository {
  /**
   * Records a check-in once. A retry with the same idempotency key returns the entry already
   * stored (`created: false`) and leaves it unchanged, so a phone that retries never makes two.
   *
   * @example
   * const { entry, created } = await tx.diary.record({ patientId, date: "2027-01-05",
   *   idempotencyKey: "4b1f...", body: { pain: 6 } });
   */
  record(input: NewDiaryEntry): Promise<{ readonly entry: DiaryEntry; readonly created: boolean }>;
  /** @example await tx.diary.listForPatient(patientId) // by date, then by recording time */
  listForPatient(patientId: string): Promise<readonly DiaryEntry[]>;
}
