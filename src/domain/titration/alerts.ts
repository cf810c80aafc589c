/**
 * Alerts: what the engine wants a clinician to see now (a dose far above what was due, a
 * silent diary, a titration on opioids, a fading effect). Each has a stable code other
 * systems can read, a clinician's message, and, where the patient should act, a plain
 * message for the patient. They are part of every assessment (`ldn assess` lines, the API,
 * the dashboard), empty when there is nothing to see.
 */
import type { IsoDate } from "../calendar-date.ts";

export const ALERT_CODES = [
  /** More was taken than was due that day, by more than the clinic's margin. */
  "dose-above-due",
  /** A day's doses broke one of the protocol's hard limits (per dose, per day, doses a day). */
  "dose-above-limit",
  /** An amount recorded on a microgram protocol looks like milligrams (1000-fold). */
  "dose-unit-slip",
  /** No doses taken for the clinic's number of days: the titration resumes lower. */
  "doses-stopped",
  /** No diary entry for the clinic's number of days. */
  "diary-silent",
  /** GI upset has not settled within the clinic's number of days. */
  "gi-unsettled",
  /** The patient titrates LDN while taking opioids recorded at screening. */
  "titrating-on-opioids",
  /** The patient reports opioid withdrawal symptoms. */
  "withdrawal",
  /** In maintenance, the benefit at the MED has faded (004: review). */
  "effect-fading",
  /** A dose clearly worse than the best, or than before LDN: back to the best dose. */
  "harm",
] as const;

export type AlertCode = (typeof ALERT_CODES)[number];

export interface Alert {
  readonly code: AlertCode;
  /** The day the alert was raised on. */
  readonly date: IsoDate;
  /** For the clinician: what happened, with the numbers, and what the engine did. */
  readonly message: string;
  /** For the patient, in plain words, when there is something for them to do. */
  readonly patientMessage?: string;
}
