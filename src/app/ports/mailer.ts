/** Sending one email through the clinic's SMTP server (nodemailer in src/http/mail). */
import type { SmtpSettings } from "./clinic-settings-repository.ts";

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /**
   * Sends one message through `smtp` (with `password` when the server wants one); rejects when
   * the server does not accept it.
   *
   * @example await mailer.send(clinic.smtp, settings.smtpPassword, { to, subject, text });
   */
  send(smtp: SmtpSettings, password: string, mail: Mail): Promise<void>;
}
