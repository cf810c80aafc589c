/**
 * One diary entry per patient per day, on every database: a correction replaces the day's
 * entry and keeps the version it replaced (who recorded it, when, what it said); a retry of a
 * check-in since corrected changes nothing; 0003 turns the days entered twice before it into
 * one entry with its earlier versions.
 */
import { Migrator, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../app/ports/actor.ts";
import type { Store } from "../app/ports/store.ts";
import { openDatabase, type Database } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrationProvider } from "./migrations/index.ts";
import { createSqlStore } from "./sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "./testing/test-databases.ts";

for (const dialect of DIALECTS) {
  describe(`diary days on ${dialect}`, () => {
    let test: TestDatabaseConfig;
    let database: Database;
    let store: Store;
    let patientId: string;
    let clinician: Actor;

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      database = await openDatabase(test.config);
      store = createSqlStore(database);
      ({ patientId, clinician } = await store.transaction(SYSTEM_ACTOR, async (tx) => {
        const clinic = await tx.clinics.create({ name: "Northside" });
        const staff = await tx.staff.create({
          clinicId: clinic.id,
          email: `lee-${dialect}@north.example`,
          displayName: "Dr K. Lee",
          role: "clinician",
          passwordHash: "x",
        });
        const patient = await tx.patients.create({
          clinicId: clinic.id,
          displayName: "R. Jones",
          screening: {},
        });
        return { patientId: patient.id, clinician: { kind: "staff" as const, id: staff.id } };
      }));
    });
    afterEach(async () => {
      await database.close();
      await test.cleanup();
    });

    const record = (actor: Actor, key: string, body: Record<string, unknown>, date = "2027-01-05") =>
      store.transaction(actor, (tx) => tx.diary.record({ patientId, date, idempotencyKey: key, body }));

    it("keeps one entry per day: a correction replaces it and keeps the earlier version with who and when", async () => {
      const asPatient: Actor = { kind: "patient", id: patientId };
      const first = await record(asPatient, "phone-1", { pain: 6 });
      expect(first).toMatchObject({ created: true, corrected: false, entry: { version: 1 } });
      const second = await record(clinician, "desk-2", { pain: 4 });
      expect(second).toMatchObject({
        created: true,
        corrected: true,
        entry: { id: first.entry.id, version: 2 },
      });
      expect(second.entry.body).toEqual({ pain: 4 });

      const entries = await store.transaction(clinician, (tx) => tx.diary.listForPatient(patientId));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        version: 2,
        body: { pain: 4 },
        recordedBy: { kind: "staff", id: clinician.id, name: "Dr K. Lee" },
      });
      const history = await store.transaction(clinician, (tx) => tx.diary.historyForPatient(patientId));
      expect(history).toEqual([
        {
          entryId: first.entry.id,
          date: "2027-01-05",
          version: 1,
          idempotencyKey: "phone-1",
          body: { pain: 6 },
          recordedAt: first.entry.recordedAt,
          recordedBy: { kind: "patient", id: patientId, name: "R. Jones" },
        },
      ]);
    });

    it("answers a retry of a check-in since corrected with what it stored, and changes nothing", async () => {
      const asPatient: Actor = { kind: "patient", id: patientId };
      await record(asPatient, "phone-1", { pain: 6 });
      await record(asPatient, "phone-2", { pain: 3 });
      const retry = await record(asPatient, "phone-1", { pain: 6 });
      expect(retry).toMatchObject({
        created: false,
        corrected: false,
        entry: { version: 1, body: { pain: 6 } },
      });
      // Saved again unchanged under a new key: a version too, so a late retry of phone-2 is found.
      const same = await record(asPatient, "phone-3", { pain: 3 });
      expect(same).toMatchObject({ created: true, corrected: true, entry: { version: 3 } });
      const late = await record(asPatient, "phone-2", { pain: 3 });
      expect(late).toMatchObject({ created: false, entry: { version: 2 } });
      const entries = await store.transaction(asPatient, (tx) => tx.diary.listForPatient(patientId));
      expect(entries.map((e) => [e.version, e.body])).toEqual([[3, { pain: 3 }]]);
      const history = await store.transaction(asPatient, (tx) => tx.diary.historyForPatient(patientId));
      expect(history.map((v) => v.idempotencyKey)).toEqual(["phone-1", "phone-2"]);
    });

    it("keeps every one of concurrent corrections of a day, one version each", async () => {
      const asPatient: Actor = { kind: "patient", id: patientId };
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => record(asPatient, `race-${i}`, { pain: i })),
      );
      expect(results.filter((r) => r.created && !r.corrected)).toHaveLength(1);
      const entries = await store.transaction(asPatient, (tx) => tx.diary.listForPatient(patientId));
      expect(entries).toHaveLength(1);
      expect(entries[0]!.version).toBe(6);
      const history = await store.transaction(asPatient, (tx) => tx.diary.historyForPatient(patientId));
      expect(history.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
      const keys = new Set([...history.map((v) => v.idempotencyKey), entries[0]!.idempotencyKey]);
      expect(keys.size).toBe(6);
    });

    it("refuses a second row for the same patient and day at the database itself (UNIQUE)", async () => {
      const insert = (id: string) =>
        database.db
          .insertInto("diary_entries")
          .values({
            id,
            patient_id: patientId,
            entry_date: "2027-01-09",
            idempotency_key: id,
            body: "{}",
            recorded_at: "2027-01-09T08:00:00.000Z",
          })
          .execute();
      await insert("day-a");
      await expect(insert("day-b")).rejects.toThrow(/unique/i);
    });
  });

  describe(`migration 0003 on ${dialect}`, () => {
    it("makes the days entered more than once one entry, the last current and the others its earlier versions", async () => {
      const test = testDatabaseConfig(dialect);
      const database = await openDatabase(test.config, { migrate: false });
      try {
        const schema = test.config.kind === "postgres" ? test.config.schema : undefined;
        const migrated = await new Migrator({
          db: database.db,
          provider: migrationProvider(dialect),
          ...(schema ? { migrationTableSchema: schema } : {}),
        }).migrateTo("0002-accounts-and-decisions");
        expect(migrated.error).toBeUndefined();
        const db = database.db;
        await sql`insert into clinics (id, name, created_at) values ('c1', 'North', '2027-01-01T00:00:00Z')`.execute(
          db,
        );
        await sql`insert into patients (id, clinic_id, display_name, screening, created_at)
          values ('p1', 'c1', 'R. Jones', '{}', '2027-01-01T00:00:00Z')`.execute(db);
        const rows: [string, string, string, string][] = [
          ["e1", "2027-01-05", "k1", "2027-01-05T08:00:00.000Z"],
          ["e2", "2027-01-05", "k2", "2027-01-05T09:00:00.000Z"],
          ["e3", "2027-01-05", "k3", "2027-01-05T10:00:00.000Z"],
          ["e4", "2027-01-06", "k4", "2027-01-06T08:00:00.000Z"],
        ];
        for (const [id, date, key, at] of rows)
          await sql`insert into diary_entries (id, patient_id, entry_date, idempotency_key, body, recorded_at)
            values (${id}, 'p1', ${date}, ${key}, ${JSON.stringify({ pain: Number(id.slice(1)) })}, ${at})`.execute(
            db,
          );
        await sql`insert into audit_events (id, at, actor_kind, actor_id, action, patient_id, subject_id, outcome, details, prev_hash, hash)
          values (1, '2027-01-05T08:00:00Z', 'patient', 'p1', 'diary.record', 'p1', 'e1', 'success', '{}', 'x', 'y')`.execute(
          db,
        );

        await migrateToLatest(db, dialect, schema);
        const store = createSqlStore(database);
        const actor: Actor = { kind: "patient", id: "p1" };
        const entries = await store.transaction(actor, (tx) => tx.diary.listForPatient("p1"));
        expect(entries.map((e) => [e.id, e.date, e.version, e.body])).toEqual([
          ["e3", "2027-01-05", 3, { pain: 3 }],
          ["e4", "2027-01-06", 1, { pain: 4 }],
        ]);
        const history = await store.transaction(actor, (tx) => tx.diary.historyForPatient("p1"));
        expect(
          history.map((v) => [v.entryId, v.version, v.idempotencyKey, v.body, v.recordedBy?.kind]),
        ).toEqual([
          ["e3", 1, "k1", { pain: 1 }, "patient"],
          ["e3", 2, "k2", { pain: 2 }, undefined],
        ]);
      } finally {
        await database.close();
        await test.cleanup();
      }
    });
  });
}
