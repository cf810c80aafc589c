/**
 * Every migration, by name, in order. A static list rather than a folder scan, so the set of
 * migrations is part of the code (bundlers, tsx and tests all see the same list) and `ldn restore`
 * can tell whether a database file is newer than this program.
 *
 * Append-only: add `0002-...` below; never edit or remove a line.
 */
import type { Migration, MigrationProvider } from "kysely";
import type { DialectName } from "./dialect-name.ts";
import * as initial from "./0001-initial.ts";
import * as accounts from "./0002-accounts-and-decisions.ts";
import * as diaryDays from "./0003-diary-one-entry-per-day.ts";
import * as doseTicks from "./0004-dose-ticks.ts";
import * as decisionKeys from "./0005-decision-keys.ts";
import * as attentionAcks from "./0006-attention-acks.ts";
import * as dispensedFills from "./0007-dispensed-fills.ts";
import * as reminders from "./0008-reminders-and-clinic-settings.ts";
import * as screeningChanges from "./0009-screening-changes.ts";
import * as loginAttempts from "./0010-login-attempts.ts";
import * as smartLaunches from "./0011-smart-launches.ts";
import * as patientSummaries from "./0012-patient-summaries.ts";
import * as outboxClaims from "./0013-outbox-claims.ts";

type DialectMigration = (db: Parameters<Migration["up"]>[0], dialect: DialectName) => Promise<void>;

const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  "0001-initial": initial.up,
  "0002-accounts-and-decisions": accounts.up,
  "0003-diary-one-entry-per-day": diaryDays.up,
  "0004-dose-ticks": doseTicks.up,
  "0005-decision-keys": decisionKeys.up,
  "0006-attention-acks": attentionAcks.up,
  "0007-dispensed-fills": dispensedFills.up,
  "0008-reminders-and-clinic-settings": reminders.up,
  "0009-screening-changes": screeningChanges.up,
  "0010-login-attempts": loginAttempts.up,
  "0011-smart-launches": smartLaunches.up,
  "0012-patient-summaries": patientSummaries.up,
  "0013-outbox-claims": outboxClaims.up,
};

/** The names of every migration this program knows, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/**
 * A Kysely migration provider for one dialect.
 *
 * @example
 * new Migrator({ db, provider: migrationProvider("sqlite") }).migrateToLatest();
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, up]) => [name, { up: (db) => up(db, dialect) }]),
      );
    },
  };
}
