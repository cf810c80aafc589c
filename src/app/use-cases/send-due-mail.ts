/**
 * Sends what the outbox holds that is due, through each clinic's SMTP server. Every server
 * process runs a dispatcher, so each message is first claimed in the database, for a lease: two
 * dispatchers never send the same message, and one that dies mid-send leaves a claim that lapses,
 * after which another tries the message. A message is marked sent only once the server has
 * accepted it; a failure is recorded with when to try again (doubling from a minute, at most an
 * hour: mail-retry.ts). So a restart resumes where the outbox stands: nothing is lost. A crash in
 * the instant between the server accepting a message and it being marked sent would send it again
 * once the lease lapses (at least once, never lost).
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { Clock } from "../ports/clock.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { QueuedMail } from "../ports/outbox-repository.ts";
import type { Store } from "../ports/store.ts";
import { retryDelayMinutes } from "../../domain/reminders/mail-retry.ts";

/** Messages sent per round at most, so one round never holds the dispatcher for long. */
const BATCH = 50;

/**
 * How long a claim holds by default (an operations setting): well past the longest a send can
 * take (the SMTP adapter gives up after 20 s at each step), so a live dispatcher's claim never
 * lapses mid-send, yet a dead one's message waits only minutes.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** The dispatcher sending: how it sends, and how it signs its claims. */
export interface MailSender {
  readonly mailer: Mailer;
  /** The SMTP password (LDN_SMTP_PASSWORD), never stored. */
  readonly password: string;
  /** This dispatcher's id, written on the messages it claims (one per process). */
  readonly id: string;
  /** How long a claim holds; CLAIM_LEASE_MS unless a test shortens it. */
  readonly leaseMs?: number;
}

export interface SendResult {
  readonly sent: number;
  readonly failed: number;
}

/**
 * @example await sendDueMail(store, { mailer, password, id: randomUUID() }, clock) // { sent: 2, failed: 0 }
 */
export async function sendDueMail(store: Store, sender: MailSender, clock: Clock): Promise<SendResult> {
  const leaseMs = sender.leaseMs ?? CLAIM_LEASE_MS;
  let sent = 0;
  let failed = 0;
  for (let n = 0; n < BATCH; n++) {
    // The lease starts when the message is claimed, not when the round began.
    const now = clock.now();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const mail = await store.transaction(SYSTEM_ACTOR, (tx) =>
      tx.outbox.claimNext(now.toISOString(), sender.id, until),
    );
    if (mail === null) break;
    const error = await trySend(store, sender, mail);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      if (error === null) return tx.outbox.markSent(mail.id);
      const next = new Date(clock.now().getTime() + retryDelayMinutes(mail.attempts + 1) * 60_000);
      return tx.outbox.markFailed(mail.id, error, next.toISOString());
    });
    if (error === null) sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Null when the clinic's server accepted the message, else why not. */
async function trySend(store: Store, sender: MailSender, mail: QueuedMail): Promise<string | null> {
  const clinic = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinicSettings.get(mail.clinicId));
  if (!clinic || clinic.smtp.host === "") return "the clinic has no SMTP server set";
  try {
    await sender.mailer.send(clinic.smtp, sender.password, {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
