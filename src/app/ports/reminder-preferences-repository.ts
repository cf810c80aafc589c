/** Whether, and where, a patient is sent email reminders. */
export interface ReminderPreferences {
  readonly patientId: string;
  /** Empty when the patient gave none. */
  readonly email: string;
  /** An email at each dose time. */
  readonly doseReminders: boolean;
  /** An email when a questionnaire is due. */
  readonly questionnaireNotices: boolean;
}

/** A patient who wants email, with their clinic (which sends it). */
export interface ReminderRecipient extends ReminderPreferences {
  readonly clinicId: string;
}

export interface ReminderPreferencesRepository {
  /** The patient's choices (none chosen: no email). Audited as `reminders.read`. */
  get(patientId: string): Promise<ReminderPreferences>;
  /**
   * Saves the patient's choices. Audited as `reminders.set`.
   *
   * @example await tx.reminders.set({ patientId, email: "r@example.org", doseReminders: true, questionnaireNotices: false });
   */
  set(preferences: ReminderPreferences): Promise<ReminderPreferences>;
  /** Every patient with an email address and a reminder chosen; audited as one `reminders.scan`. */
  recipients(): Promise<readonly ReminderRecipient[]>;
}
