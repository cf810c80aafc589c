/**
 * The words of the emails a patient chose: a reminder at each dose time, and a notice when a
 * questionnaire is due. Plain text, no clinical detail beyond the dose itself (an inbox is not
 * a safe place), signed with the clinic's name and number so the patient knows whom to call.
 */

export interface MailText {
  readonly subject: string;
  readonly text: string;
}

export interface ClinicSignature {
  readonly name: string;
  /** Empty when the clinic has set none. */
  readonly phone: string;
}

const signature = (clinic: ClinicSignature) =>
  clinic.phone ? `${clinic.name}\n${clinic.phone}` : clinic.name;

/**
 * @example doseReminderMail({ name: "Riverside", phone: "555 0100" }, "0.1 mg", "08:00").subject
 * // "Time for your naltrexone: 0.1 mg at 08:00"
 */
export function doseReminderMail(clinic: ClinicSignature, dose: string, time: string): MailText {
  return {
    subject: `Time for your naltrexone: ${dose} at ${time}`,
    text:
      `It is time for your dose of naltrexone: ${dose} at ${time}.\n\n` +
      "Tick it in the app when you have taken it. If you missed it, skip it: do not take two doses together.\n\n" +
      `${signature(clinic)}\n\n` +
      "You get this email because you asked for dose reminders. You can turn them off in the app.",
  };
}

/**
 * @example questionnaireNoticeMail({ name: "Riverside", phone: "" }).subject // "A questionnaire is due"
 */
export function questionnaireNoticeMail(clinic: ClinicSignature): MailText {
  return {
    subject: "A questionnaire is due",
    text:
      "Your clinic asks you to fill in a short questionnaire about your pain and how you are doing. " +
      "It takes a few minutes: open the app and choose Questionnaires.\n\n" +
      `${signature(clinic)}\n\n` +
      "You get this email because you asked for questionnaire notices. You can turn them off in the app.",
  };
}
