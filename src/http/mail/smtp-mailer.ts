/** The Mailer port over nodemailer's SMTP transport: one connection per message, closed after. */
import nodemailer from "nodemailer";
import type { Mailer } from "../../app/ports/mailer.ts";

/** How long to wait for the SMTP server at each step before giving up (a retry follows). */
const TIMEOUT_MS = 20_000;

/**
 * @example await smtpMailer().send({ host: "smtp.example.org", port: 587, secure: false, user: "", from: "a@b.example" }, "", mail);
 */
export function smtpMailer(): Mailer {
  return {
    async send(smtp, password, mail) {
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: password } } : {}),
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      });
      try {
        await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
      } finally {
        transport.close();
      }
    },
  };
}
