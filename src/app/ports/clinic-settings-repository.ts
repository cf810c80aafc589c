/**
 * What the administrator sets for the clinic: its name and phone number (printed for patients)
 * and the SMTP server email reminders go through. The SMTP password is not here: it comes from
 * the environment (LDN_SMTP_PASSWORD), so a database copy never carries it.
 */
export interface SmtpSettings {
  /** Empty: the clinic sends no email. */
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  /** Empty: no authentication. */
  readonly user: string;
  /** The From address, e.g. `Riverside Pain Clinic <reminders@riverside.example>`. */
  readonly from: string;
}

export interface ClinicSettings {
  readonly clinicId: string;
  readonly name: string;
  /** Empty when not set. */
  readonly phone: string;
  readonly smtp: SmtpSettings;
}

export interface ClinicSettingsRepository {
  /**
   * The clinic's settings (unset ones empty), or undefined when there is no such clinic.
   *
   * @example (await tx.clinicSettings.get(clinicId))?.phone // "555 0100"
   */
  get(clinicId: string): Promise<ClinicSettings | undefined>;
  /**
   * Saves the clinic's name, phone and SMTP settings. Audited as `clinic.settings`.
   *
   * @example await tx.clinicSettings.save({ clinicId, name: "Riverside", phone: "555 0100", smtp });
   */
  save(settings: ClinicSettings): Promise<ClinicSettings>;
}
