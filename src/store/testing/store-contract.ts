/**
 * What the storage contract tests share: a fresh database of a dialect with the store over it
 * (its clock fixed at 09:30 in a UTC+2 clinic), a clinic with a clinician and a patient, and
 * the number of audit events written.
 */
import { afterEach, beforeEach } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../../app/ports/actor.ts";
import type { Store } from "../../app/ports/store.ts";
import { openDatabase, type Database } from "../database.ts";
import type { DialectName } from "../migrations/dialect-name.ts";
import { createSqlStore } from "../sql-store.ts";
import { testDatabaseConfig, type TestDatabaseConfig } from "./test-databases.ts";

/** 09:30 in a UTC+2 clinic, to show that stored times are UTC. */
export const CLOCK = { now: () => new Date("2027-01-04T09:30:00+02:00") };

/** A clinic with its clinician Dr Lee and a patient, R. Jones; the clinician as the actor. */
export async function enrol(store: Store) {
  return store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Northside Pain Clinic" });
    const clinician = await tx.staff.create({
      clinicId: clinic.id,
      email: "lee@northside.example",
      displayName: "Dr Lee",
      role: "clinician",
      passwordHash: "$argon2id$not-a-real-hash",
    });
    const patient = await tx.patients.create({
      clinicId: clinic.id,
      displayName: "R. Jones",
      screening: { pregnant: false, opioids: [] },
    });
    const actor: Actor = { kind: "staff", id: clinician.id };
    return { clinic, clinician, patient, actor };
  });
}

export interface ContractStore {
  test: TestDatabaseConfig;
  database: Database;
  store: Store;
}

/** A fresh database (close it and run `test.cleanup()` after). */
export async function openContractStore(dialect: DialectName): Promise<ContractStore> {
  const test = testDatabaseConfig(dialect);
  const database = await openDatabase(test.config);
  return { test, database, store: createSqlStore(database, { clock: CLOCK }) };
}

/**
 * A fresh database for each test, closed and dropped after it: read `.store` and `.database`
 * inside the tests (they are set once beforeEach has run).
 */
export function freshStoreEachTest(dialect: DialectName): ContractStore {
  const fresh = {} as ContractStore;
  beforeEach(async () => {
    Object.assign(fresh, await openContractStore(dialect));
  });
  afterEach(async () => {
    await fresh.database.close();
    await fresh.test.cleanup();
  });
  return fresh;
}

/** How many audit events the database holds. */
export async function auditCount(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom("audit_events")
    .select((e) => e.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
