/**
 * Two servers started with --demo at the same moment on one PostgreSQL (issue 14): one demo
 * clinic, filled once; the other start says it is there. Two stores on one database stand for
 * the two processes (the guard is the database's unique staff email, not anything in-process).
 */
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Store } from "../../app/ports/store.ts";
import { openStore } from "../../store/sql-store.ts";
import {
  TEST_DATABASE_URL,
  testDatabaseConfig,
  type TestDatabaseConfig,
} from "../../store/testing/test-databases.ts";
import { DEMO_CLINIC, fillDemoClinic } from "./fill-demo-clinic.ts";

describe.runIf(TEST_DATABASE_URL !== undefined)("two --demo starts at once on one PostgreSQL", () => {
  let database: TestDatabaseConfig | undefined;
  const stores: Store[] = [];

  afterAll(async () => {
    for (const store of stores) await store.close();
    await database?.cleanup();
  });

  it("make one demo clinic; the second start prints its sign-ins as already there", async () => {
    database = testDatabaseConfig("postgres");
    stores.push(await openStore(database.config));
    stores.push(await openStore(database.config));
    const today = new Date(2027, 2, 1, 9, 0);
    const results = await Promise.all(stores.map((store) => fillDemoClinic(store, today)));
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const second = results.find((r) => !r.created)!;
    expect(second.message).toMatch(/already there/);
    expect(second.message).toContain("clinician@demo.example");
    const clinics = await stores[0]!.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
    expect(clinics.filter((c) => c.name === DEMO_CLINIC)).toHaveLength(1);
  }, 180_000);
});
