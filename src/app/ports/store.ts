/**
 * The storage port: a unit of work run by one actor. Everything inside `transaction` commits
 * together or not at all, the audit events the repositories append included, so there is never
 * patient data without its audit trail nor an audit event for work that did not happen.
 */
import type { Actor } from "./actor.ts";
import type { AttentionAckRepository } from "./attention-ack-repository.ts";
import type { AuditLog } from "./audit-log.ts";
import type { CalendarFeedRepository } from "./calendar-feed-repository.ts";
import type { ClinicSettingsRepository } from "./clinic-settings-repository.ts";
import type { OutboxRepository } from "./outbox-repository.ts";
import type { ReminderPreferencesRepository } from "./reminder-preferences-repository.ts";
import type { ClinicRepository } from "./clinic-repository.ts";
import type { ClinicRecordsReader } from "./clinic-records.ts";
import type { DiaryRepository } from "./diary-repository.ts";
import type { DispensedFillRepository } from "./dispensed-fill-repository.ts";
import type { DoseTickRepository } from "./dose-tick-repository.ts";
import type { InvitationRepository } from "./invitation-repository.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import type { QuestionnaireRepository } from "./questionnaire-repository.ts";
import type { RecommendationRepository } from "./recommendation-repository.ts";
import type { SessionRepository, SessionSubject } from "./session-repository.ts";
import type { PatientRepository } from "./patient-repository.ts";
import type { PlanRepository } from "./plan-repository.ts";
import type { StaffRepository } from "./staff-repository.ts";
import type { SmartLaunchRepository } from "./smart-launch-repository.ts";
import type { EhrLinkRepository } from "./ehr-link-repository.ts";

/** The repositories of one transaction, each acting as that transaction's actor. */
export interface Repositories {
  readonly clinics: ClinicRepository;
  readonly staff: StaffRepository;
  readonly patients: PatientRepository;
  readonly plans: PlanRepository;
  readonly diary: DiaryRepository;
  readonly doses: DoseTickRepository;
  readonly audit: AuditLog;
  readonly sessions: SessionRepository;
  readonly invitations: InvitationRepository;
  readonly recommendations: RecommendationRepository;
  readonly questionnaires: QuestionnaireRepository;
  readonly records: ClinicRecordsReader;
  readonly attention: AttentionAckRepository;
  readonly clinicSettings: ClinicSettingsRepository;
  readonly calendarFeeds: CalendarFeedRepository;
  readonly reminders: ReminderPreferencesRepository;
  readonly outbox: OutboxRepository;
  readonly fills: DispensedFillRepository;
  readonly smartLaunches: SmartLaunchRepository;
  readonly ehrLinks: EhrLinkRepository;
}

export interface TransactionOptions {
  /**
   * `work` does nothing but through `tx` (no email, no call out, nothing kept in memory that a
   * rollback would not undo), so the store may run it a second time: units committed together
   * then need no savepoint each, and run again, each in its own, when one of them fails.
   */
  readonly rerunnable?: boolean;
}

export interface Store {
  /**
   * Runs `work` in one transaction as `actor`. The actor is bound here, once, rather than passed
   * to every call, so no read or write of patient data can be made without one.
   *
   * @example
   * const entry = await store.transaction({ kind: "patient", id: patientId }, (tx) =>
   *   tx.diary.record({ patientId, date: "2027-01-05", idempotencyKey, body }));
   */
  transaction<T>(
    actor: Actor,
    work: (tx: Repositories) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /**
   * The session behind a token hash, with its subject, in one query outside any transaction:
   * every request is authenticated, so this is the hot path. Reads no patient data.
   *
   * @example const found = await store.lookupSession(tokenHash(cookie));
   */
  lookupSession(id: string): Promise<SessionSubject | undefined>;
  /**
   * The login throttle's counters over `windowMs`, kept in the database so every server process
   * sharing it counts the same attempts. Holds no patient data.
   *
   * @example const throttle = store.loginThrottle(15 * 60_000);
   */
  loginThrottle(windowMs: number): LoginThrottle;
  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  close(): Promise<void>;
}
