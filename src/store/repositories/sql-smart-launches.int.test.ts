/**
 * SMART launches and EHR links in the database, on SQLite and PostgreSQL, with two stores on one
 * database (two ldn processes): a launch begun on one is finished on the other, a state is taken
 * once however many processes race for it, expired launches are not found and are swept, and an
 * EHR patient links to one ldn patient per clinic.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Store } from "../../app/ports/store.ts";
import { seedClinic } from "../../http/testing/test-server.ts";
import { openDatabase } from "../database.ts";
import { openStore } from "../sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "../testing/test-databases.ts";

const T0 = Date.parse("2027-01-04T09:00:00Z");
const PREFILL = { displayName: "Rosa Delgado", answers: { ageYears: 55 } as never, skipped: [] };

for (const dialect of DIALECTS) {
  describe(`SMART launches in the database (${dialect})`, () => {
    let test: TestDatabaseConfig;
    let a: Store;
    let b: Store;

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      a = await openStore(test.config);
      b = await openStore(test.config);
    });
    afterEach(async () => {
      await a.close();
      await b.close();
      await test.cleanup();
    });

    const begin = (store: Store, now = T0) =>
      store.transaction(SYSTEM_ACTOR, (tx) =>
        tx.smartLaunches.begin(
          { sessionId: "s1", iss: "https://ehr/fhir", verifier: "v", tokenEndpoint: "https://ehr/token" },
          now,
        ),
      );
    const finish = (store: Store, expiresAt: number, refreshToken: string | null = null) =>
      store.transaction(SYSTEM_ACTOR, (tx) =>
        tx.smartLaunches.finish(
          {
            sessionId: "s1",
            iss: "https://ehr/fhir",
            ehrPatientId: "p-1",
            accessToken: "secret-token",
            refreshToken,
            tokenEndpoint: "https://ehr/token",
            scope: "launch patient/Observation.write",
            prefill: PREFILL,
            expiresAt,
          },
          T0,
        ),
      );

    it("takes a state begun in one process from another, once, and only for its session", async () => {
      const { state } = await begin(a);
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.take(state, "other", T0)),
      ).toBeUndefined();
      const taken = await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.take(state, "s1", T0 + 1000));
      expect(taken).toMatchObject({
        state,
        sessionId: "s1",
        verifier: "v",
        tokenEndpoint: "https://ehr/token",
      });
      expect(
        await a.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.take(state, "s1", T0 + 2000)),
      ).toBeUndefined();
    });

    it("gives a state to exactly one of two processes racing for it", async () => {
      const { state } = await begin(a);
      const results = await Promise.all(
        [a, b, a, b].map((store) =>
          store.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.take(state, "s1", T0)),
        ),
      );
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    });

    it("refuses an expired state, and sweeps expired launches as new ones begin", async () => {
      const { state } = await begin(a);
      const expired = T0 + 10 * 60_000;
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.take(state, "s1", expired)),
      ).toBeUndefined();
      await begin(a, T0);
      const old = await finish(a, T0 + 60_000);
      const kept = await finish(a, T0 + 3600_000);
      await begin(b, T0 + 11 * 60_000);
      const database = await openDatabase(test.config);
      try {
        const pending = await database.db.selectFrom("smart_pending_launches").select("state").execute();
        const finished = await database.db.selectFrom("smart_launches").select("id").execute();
        expect(pending).toHaveLength(1);
        expect(finished.map((r) => r.id)).toEqual([kept.id]);
      } finally {
        await database.close();
      }
      expect(
        await a.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.get(old.id, "s1", T0)),
      ).toBeUndefined();
    });

    it("keeps a finished launch to its session, with its tokens and prefill, in every process", async () => {
      const launch = await finish(a, T0 + 3600_000);
      const seen = await b.transaction(SYSTEM_ACTOR, (tx) =>
        tx.smartLaunches.get(launch.id, "s1", T0 + 1000),
      );
      expect(seen).toMatchObject({ accessToken: "secret-token", ehrPatientId: "p-1", prefill: PREFILL });
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.get(launch.id, "s2", T0)),
      ).toBeUndefined();
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.get(launch.id, "s1", T0 + 3600_000)),
      ).toBeUndefined();
    });

    it("keeps an expired launch that can be refreshed, and takes its renewed token", async () => {
      const launch = await finish(a, T0 + 60_000, "refresh-1");
      const later = T0 + 2 * 3600_000;
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.get(launch.id, "s1", later)),
      ).toMatchObject({
        refreshToken: "refresh-1",
      });
      await b.transaction(SYSTEM_ACTOR, (tx) =>
        tx.smartLaunches.renew(launch.id, {
          accessToken: "new",
          refreshToken: "refresh-2",
          expiresAt: later + 3600_000,
        }),
      );
      expect(
        await a.transaction(SYSTEM_ACTOR, (tx) => tx.smartLaunches.get(launch.id, "s1", later)),
      ).toMatchObject({
        accessToken: "new",
        refreshToken: "refresh-2",
        expiresAt: later + 3600_000,
      });
    });

    it("links an EHR patient to one patient of a clinic, and finds them again", async () => {
      const north = await seedClinic(a, "north");
      const [p1, p2] = await a.transaction(SYSTEM_ACTOR, async (tx) => [
        (await tx.patients.create({ clinicId: north.clinicId, displayName: "One", screening: {} })).id,
        (await tx.patients.create({ clinicId: north.clinicId, displayName: "Two", screening: {} })).id,
      ]);
      const link = { patientId: p1!, iss: "https://ehr/fhir", ehrPatientId: "p-1" };
      await a.transaction(SYSTEM_ACTOR, (tx) => tx.ehrLinks.link(link, north.clinicId));
      // Linking again the same way changes nothing; another patient for the same EHR patient is refused.
      await b.transaction(SYSTEM_ACTOR, (tx) => tx.ehrLinks.link(link, north.clinicId));
      await expect(
        b.transaction(SYSTEM_ACTOR, (tx) => tx.ehrLinks.link({ ...link, patientId: p2! }, north.clinicId)),
      ).rejects.toMatchObject({ code: "conflict" });
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) =>
          tx.ehrLinks.find(north.clinicId, "https://ehr/fhir", "p-1"),
        ),
      ).toBe(p1);
      expect(
        await b.transaction(SYSTEM_ACTOR, (tx) => tx.ehrLinks.find("elsewhere", "https://ehr/fhir", "p-1")),
      ).toBeUndefined();
      expect(await b.transaction(SYSTEM_ACTOR, (tx) => tx.ehrLinks.of(p1!))).toEqual(link);
    });
  });
}
