/** The storage port over Kysely: one database transaction per unit of work. */
import type { Actor } from "../app/ports/actor.ts";
import type { Clock } from "../app/ports/clock.ts";
import type { Repositories, Store } from "../app/ports/store.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { openDatabase, type Database } from "./database.ts";
import { lookupSession } from "./lookup-session.ts";
import { createTxContext } from "./repositories/context.ts";
import { sqlAuditLog } from "./repositories/sql-audit-log.ts";
import { sqlClinicRepository } from "./repositories/sql-clinic-repository.ts";
import { sqlDiaryRepository } from "./repositories/sql-diary-repository.ts";
import { sqlPatientRepository } from "./repositories/sql-patient-repository.ts";
import { sqlPlanRepository } from "./repositories/sql-plan-repository.ts";
import { sqlStaffRepository } from "./repositories/sql-staff-repository.ts";
import { sqlSessionRepository } from "./repositories/sql-session-repository.ts";
import { sqlInvitationRepository } from "./repositories/sql-invitation-repository.ts";
import { sqlRecommendationRepository } from "./repositories/sql-recommendation-repository.ts";
import { sqlQuestionnaireRepository } from "./repositories/sql-questionnaire-repository.ts";
import { sqlClinicRecords } from "./repositories/sql-clinic-records.ts";

const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/**
 * A `Store` over an open database.
 *
 * @example
 * const store = createSqlStore(await openDatabase(config));
 * await store.transaction(actor, (tx) => tx.patients.get(id));
 */
export function createSqlStore(database: Database, options: { readonly clock?: Clock } = {}): Store {
  const clock = options.clock ?? SYSTEM_CLOCK;
  return {
    transaction<T>(actor: Actor, work: (tx: Repositories) => Promise<T>): Promise<T> {
      return database.db.transaction().execute((trx) => {
        const ctx = createTxContext(trx, database.dialect, actor, clock);
        return work({
          clinics: sqlClinicRepository(ctx),
          staff: sqlStaffRepository(ctx),
          patients: sqlPatientRepository(ctx),
          plans: sqlPlanRepository(ctx),
          diary: sqlDiaryRepository(ctx),
          audit: sqlAuditLog(ctx),
          sessions: sqlSessionRepository(ctx),
          invitations: sqlInvitationRepository(ctx),
          recommendations: sqlRecommendationRepository(ctx),
          questionnaires: sqlQuestionnaireRepository(ctx),
          records: sqlClinicRecords(ctx),
        });
      });
    },
    lookupSession: (id) => lookupSession(database, id),
    close: () => database.close(),
  };
}

/**
 * Opens, migrates and wraps the database named by `config`.
 *
 * @example
 * const store = await openStore({ kind: "sqlite", path: "./data/ldn.sqlite" });
 */
export async function openStore(
  config: DatabaseConfig,
  options: { readonly clock?: Clock } = {},
): Promise<Store> {
  return createSqlStore(await openDatabase(config), options);
}
