/** The storage port over Kysely: one database transaction per unit of work. */
import type { Actor } from "../app/ports/actor.ts";
import type { AuditEntry } from "../app/ports/audit-log.ts";
import type { Clock } from "../app/ports/clock.ts";
import type { Repositories, Store, TransactionOptions } from "../app/ports/store.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { openDatabase, type Database, type OpenOptions } from "./database.ts";
import { lookupSession } from "./lookup-session.ts";
import { createTxContext, type TxContext } from "./repositories/context.ts";
import { groupCommit, type UnitOfWork } from "./group-commit.ts";
import { holdChainHead, writeHeldEvents } from "./audit/append-audit-events.ts";
import { sqlAuditLog } from "./repositories/sql-audit-log.ts";
import { sqlClinicRepository } from "./repositories/sql-clinic-repository.ts";
import { sqlDiaryRepository } from "./repositories/sql-diary-repository.ts";
import { sqlDoseTickRepository } from "./repositories/sql-dose-tick-repository.ts";
import { sqlPatientRepository } from "./repositories/sql-patient-repository.ts";
import { sqlPlanRepository } from "./repositories/sql-plan-repository.ts";
import { sqlStaffRepository } from "./repositories/sql-staff-repository.ts";
import { sqlSessionRepository } from "./repositories/sql-session-repository.ts";
import { sqlInvitationRepository } from "./repositories/sql-invitation-repository.ts";
import { sqlRecommendationRepository } from "./repositories/sql-recommendation-repository.ts";
import { sqlQuestionnaireRepository } from "./repositories/sql-questionnaire-repository.ts";
import { sqlClinicRecords } from "./repositories/sql-clinic-records.ts";
import { sqlAttentionAckRepository } from "./repositories/sql-attention-ack-repository.ts";
import { sqlLoginThrottle } from "./repositories/sql-login-throttle.ts";
import { sqlCalendarFeedRepository } from "./repositories/sql-calendar-feed-repository.ts";
import { sqlClinicSettingsRepository } from "./repositories/sql-clinic-settings-repository.ts";
import { sqlOutboxRepository } from "./repositories/sql-outbox-repository.ts";
import { sqlReminderPreferencesRepository } from "./repositories/sql-reminder-preferences-repository.ts";
import { sqlDispensedFillRepository } from "./repositories/sql-dispensed-fill-repository.ts";
import { sqlSmartLaunchRepository } from "./repositories/sql-smart-launch-repository.ts";
import { sqlEhrLinkRepository } from "./repositories/sql-ehr-link-repository.ts";

const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** Every repository of one unit of work, bound to its transaction and actor. */
function repositories(ctx: TxContext): Repositories {
  return {
    clinics: sqlClinicRepository(ctx),
    staff: sqlStaffRepository(ctx),
    patients: sqlPatientRepository(ctx),
    plans: sqlPlanRepository(ctx),
    diary: sqlDiaryRepository(ctx),
    doses: sqlDoseTickRepository(ctx),
    audit: sqlAuditLog(ctx),
    sessions: sqlSessionRepository(ctx),
    invitations: sqlInvitationRepository(ctx),
    recommendations: sqlRecommendationRepository(ctx),
    questionnaires: sqlQuestionnaireRepository(ctx),
    records: sqlClinicRecords(ctx),
    attention: sqlAttentionAckRepository(ctx),
    clinicSettings: sqlClinicSettingsRepository(ctx),
    calendarFeeds: sqlCalendarFeedRepository(ctx),
    reminders: sqlReminderPreferencesRepository(ctx),
    outbox: sqlOutboxRepository(ctx),
    fills: sqlDispensedFillRepository(ctx),
    smartLaunches: sqlSmartLaunchRepository(ctx),
    ehrLinks: sqlEhrLinkRepository(ctx),
  };
}

export interface StoreOptions {
  readonly clock?: Clock;
  /** Told the size of each group commit (the server's metrics). */
  readonly onCommitBatch?: (size: number) => void;
}

/**
 * A `Store` over an open database.
 *
 * @example
 * const store = createSqlStore(await openDatabase(config));
 * await store.transaction(actor, (tx) => tx.patients.get(id));
 */
export function createSqlStore(database: Database, options: StoreOptions = {}): Store {
  const clock = options.clock ?? SYSTEM_CLOCK;
  // Concurrent units commit together, one disk flush for a batch. On PostgreSQL every unit
  // appends to the audit chain, so units already committed one after another behind its head
  // (one WAL flush each, bench/check-in.ts): a batch takes the head first and keeps it to its
  // commit, so no batch waits for a row another batch holds while that one waits for the head.
  const group = groupCommit(database.db, {
    ...(options.onCommitBatch ? { onBatch: options.onCommitBatch } : {}),
    end: writeHeldEvents,
    ...(database.dialect === "postgres" ? { begin: holdChainHead, joinStatements: true } : {}),
  });
  const run = <T>(unit: UnitOfWork<T>, how?: TransactionOptions): Promise<T> => group.run(unit, how);
  return {
    async transaction<T>(
      actor: Actor,
      work: (tx: Repositories) => Promise<T>,
      how: TransactionOptions = {},
    ): Promise<T> {
      const audited: AuditEntry[] = [];
      const unit: UnitOfWork<T> = (trx, head) => {
        audited.length = 0; // what a run that was rolled back to be run again audited
        return work(
          repositories(
            createTxContext(
              trx,
              database.dialect,
              actor,
              clock,
              (entries) => {
                for (const entry of entries) audited.push(entry);
              },
              head,
            ),
          ),
        );
      };
      try {
        return await run(unit, how);
      } catch (error) {
        // A failed unit rolls back its audit events too, yet what it read was read (and may be in
        // the error it answers with): its events are written again, marked as a failure.
        if (audited.length > 0) {
          const failed = audited.map((e) => ({
            ...e,
            outcome: "failure" as const,
            details: { ...e.details, rolledBack: true, error: errorCode(error) },
          }));
          await run(
            (trx, head) =>
              createTxContext(trx, database.dialect, actor, clock, undefined, head).audit(failed),
            { rerunnable: true },
          ).catch(
            () => undefined, // the unit's own error is the one to report
          );
        }
        throw error;
      }
    },
    lookupSession: (id) => lookupSession(database, id),
    loginThrottle: (windowMs) => sqlLoginThrottle(database.db, database.dialect, windowMs),
    close: () => database.close(),
  };
}

/** An error's code as audited: a domain or HTTP error's own, else "internal". */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[a-z_]{1,40}$/.test(code) ? code : "internal";
}

/**
 * Opens, migrates and wraps the database named by `config`.
 *
 * @example
 * const store = await openStore({ kind: "sqlite", path: "./data/ldn.sqlite" });
 */
export async function openStore(
  config: DatabaseConfig,
  options: StoreOptions & Pick<OpenOptions, "backgroundCheckpoints"> = {},
): Promise<Store> {
  return createSqlStore(await openDatabase(config, options), options);
}
