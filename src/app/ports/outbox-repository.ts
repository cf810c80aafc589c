/**
 * Email waiting to be sent. A message is written here first and sent from here, so a restart
 * loses none: the dispatcher picks up whatever is due and unsent. Each server process runs a
 * dispatcher, so a message is claimed before it is sent: one claim at a time, for a while.
 */
export interface OutgoingMail {
  readonly clinicId: string;
  readonly patientId: string | null;
  /** What it is, e.g. `dose-reminder`, `questionnaire-due`. */
  readonly kind: string;
  /** The same key is queued once: a dose reminder is one per patient, day and dose time. */
  readonly dedupeKey: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** When it should go (an instant, ISO-8601). */
  readonly dueAt: string;
}

export interface QueuedMail extends OutgoingMail {
  readonly id: string;
  /** Tries so far that failed. */
  readonly attempts: number;
}

export interface OutboxRepository {
  /**
   * Queues a message unless one with its key is queued already; true when queued now.
   * Audited as `outbox.enqueue`.
   *
   * @example await tx.outbox.enqueue({ clinicId, patientId, kind: "dose-reminder", dedupeKey, to, subject, text, dueAt });
   */
  enqueue(mail: OutgoingMail): Promise<boolean>;
  /** Unsent messages due by `now` whose next try is due, oldest first, at most `limit`. */
  due(now: string, limit: number): Promise<readonly QueuedMail[]>;
  /**
   * Claims for `owner` until `until` the oldest unsent message whose next try is due by `now`
   * and that no claim holds (none, or one lapsed by `now`); null when there is none. Atomic:
   * two dispatchers never both hold a message, whatever process they run in.
   *
   * @example const mail = await tx.outbox.claimNext(now, dispatcherId, leaseEnd);
   */
  claimNext(now: string, owner: string, until: string): Promise<QueuedMail | null>;
  /** Marks a message sent, ending its claim (its owner kept). Audited as `outbox.sent`. */
  markSent(id: string): Promise<void>;
  /** Records a failed try and when to try again, ending its claim. Audited as `outbox.failed`. */
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>;
}
