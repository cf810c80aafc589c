/**
 * Sends what the outbox holds that is due, through each clinic's SMTP server. A message is
 * marked sent only once the server has accepted it; a failure is recorded with when to try
 * again (doubling from a minute, at most an hour: mail-retry.ts). So a restart resumes where
 * the outbox stands: nothing is lost. A crash in the instant between the server accepting a
 * message and it being marked sent would send it again on restart (at least once, never lost).
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { QueuedMail } from "../ports/outbox-repository.ts";
import type { Store } from "../ports/store.ts";
import { retryDelayMinutes } from "../../domain/reminders/mail-retry.ts";

/** Messages sent per round at most, so one round never holds the dispatcher for long. */
const BATCH = 50;

export interface SendResult {
  readonly sent: number;
  readonly failed: number;
}

/**
 * @example await sendDueMail(store, mailer, smtpPassword, new Date()) // { sent: 2, failed: 0 }
 */
export async function sendDueMail(
  store: Store,
  mailer: Mailer,
  password: string,
  now: Date,
): Promise<SendResult> {
  const due = await store.transaction(SYSTEM_ACTOR, (tx) => tx.outbox.due(now.toISOString(), BATCH));
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    const error = await trySend(store, mailer, password, mail);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      if (error === null) return tx.outbox.markSent(mail.id);
      const next = new Date(now.getTime() + retryDelayMinutes(mail.attempts + 1) * 60_000);
      return tx.outbox.markFailed(mail.id, error, next.toISOString());
    });
    if (error === null) sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Null when the clinic's server accepted the message, else why not. */
async function trySend(
  store: Store,
  mailer: Mailer,
  password: string,
  mail: QueuedMail,
): Promise<string | null> {
  const clinic = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinicSettings.get(mail.clinicId));
  if (!clinic || clinic.smtp.host === "") return "the clinic has no SMTP server set";
  try {
    await mailer.send(clinic.smtp, password, { to: mail.to, subject: mail.subject, text: mail.text });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
