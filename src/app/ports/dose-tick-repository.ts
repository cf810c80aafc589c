/**
 * Doses ticked as taken, saved the moment they are ticked: what today's page shows as taken,
 * before and after the day's check-in.
 */
import type { RecordedBy } from "./diary-repository.ts";

export interface DoseTick {
  readonly patientId: string;
  /** `YYYY-MM-DD`, the day of the dose. */
  readonly date: string;
  /** The scheduled dose's clock time, `HH:MM`. */
  readonly time: string;
  readonly ug: number;
  /** When it was ticked. */
  readonly takenAt: string;
  readonly recordedBy: RecordedBy;
}

export interface DoseTickRepository {
  /**
   * Ticks a dose as taken (kept as first ticked when ticked again) or unticks it. Audited as
   * `dose.tick` or `dose.untick`. Returns the tick, or null once unticked.
   *
   * @example await tx.doses.set({ patientId, date: "2027-01-05", time: "08:00", ug: 100, taken: true });
   */
  set(input: {
    readonly patientId: string;
    readonly date: string;
    readonly time: string;
    readonly ug: number;
    readonly taken: boolean;
  }): Promise<DoseTick | null>;
  /**
   * The doses ticked on a day, by time; audited as `dose.list`.
   *
   * @example await tx.doses.forDate(patientId, "2027-01-05")
   */
  forDate(patientId: string, date: string): Promise<readonly DoseTick[]>;
}
