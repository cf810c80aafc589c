/**
 * The server's mail dispatcher (issue 12): every few seconds it sends what the outbox holds that
 * is due, and every few minutes it queues the reminders patients chose. It runs in each server
 * process; everything it knows is in the database, so a restart loses nothing and it resumes
 * where the outbox stands, and several processes share the work: each message is claimed by
 * one of them before it is sent (send-due-mail.ts), each reminder queued once (its key).
 */
import { randomUUID } from "node:crypto";
import type { Mailer } from "../../app/ports/mailer.ts";
import { queueReminders } from "../../app/use-cases/queue-reminders.ts";
import { sendDueMail } from "../../app/use-cases/send-due-mail.ts";
import type { Services } from "../route.ts";
import { todayIn } from "../today.ts";
import { smtpMailer } from "./smtp-mailer.ts";

export interface MailDispatcherOptions {
  readonly mailer?: Mailer;
  /** How often to send what is due, in milliseconds (default: the settings' mailPollSeconds). */
  readonly pollMs?: number;
  /** How often to queue reminders, in milliseconds (default 10 minutes). */
  readonly queueMs?: number;
  /** How long this dispatcher's claim on a message holds (default CLAIM_LEASE_MS). */
  readonly leaseMs?: number;
  readonly log?: (message: string) => void;
}

export interface MailDispatcher {
  /** Stops after the round in progress, if any. */
  stop(): Promise<void>;
}

/** The instant of a wall-clock time on a date in the server's zone (set TZ to the clinic's). */
function instantOf(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
}

/**
 * Starts the dispatcher; the first round runs at once.
 *
 * @example const mail = startMailDispatcher(services); ... await mail.stop();
 */
export function startMailDispatcher(
  services: Pick<Services, "store" | "clock" | "settings">,
  options: MailDispatcherOptions = {},
): MailDispatcher {
  const mailer = options.mailer ?? smtpMailer();
  const pollMs = options.pollMs ?? services.settings.mailPollSeconds * 1000;
  const queueMs = options.queueMs ?? 600_000;
  const log = options.log ?? (() => undefined);
  // Written on the messages it claims: which process holds a message, should one die with it.
  const sender = {
    mailer,
    password: services.settings.smtpPassword,
    id: `ldn-${process.pid}-${randomUUID()}`,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  };
  let lastQueued = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let round: Promise<void> = Promise.resolve();

  const once = async () => {
    const now = services.clock.now();
    if (now.getTime() - lastQueued >= queueMs) {
      lastQueued = now.getTime();
      await queueReminders(services.store, { now, today: todayIn(services.clock), instantOf });
    }
    const { sent, failed } = await sendDueMail(services.store, sender, services.clock);
    if (failed > 0) log(`ldn mail: ${failed} message(s) not sent, will retry (${sent} sent)`);
  };
  const tick = () => {
    round = once()
      .catch((error: unknown) => log(`ldn mail: round failed: ${String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
