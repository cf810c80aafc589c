/**
 * The storage contract: the same behaviour on every database (see testing/test-databases.ts).
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../app/ports/actor.ts";
import type { Store } from "../app/ports/store.ts";
import { verifyAuditChain } from "./audit/verify-audit-chain.ts";
import { openDatabase, type Database } from "./database.ts";
import { MIGRATION_NAMES } from "./migrations/index.ts";
import { createSqlStore } from "./sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "./testing/test-databases.ts";

/** 09:30 in a UTC+2 clinic, to show that stored times are UTC. */
const CLOCK = { now: () => new Date("2027-01-04T09:30:00+02:00") };

async function enrol(store: Store) {
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

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect}`, () => {
    let test: TestDatabaseConfig;
    let database: Database;
    let store: Store;

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      database = await openDatabase(test.config);
      store = createSqlStore(database, { clock: CLOCK });
    });

    afterEach(async () => {
      await database.close();
      await test.cleanup();
    });

    const auditCount = async () =>
      Number(
        (
          await database.db
            .selectFrom("audit_events")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it("runs every migration on open, and opening again changes nothing", async () => {
      const applied = () =>
        database.db
          .selectFrom("kysely_migration" as never)
          .select("name" as never)
          .execute();
      expect((await applied()).map((r) => (r as { name: string }).name)).toEqual([...MIGRATION_NAMES]);
      await database.close();
      database = await openDatabase(test.config);
      expect((await applied()).map((r) => (r as { name: string }).name)).toEqual([...MIGRATION_NAMES]);
    });

    it("stores a clinic, a clinician, a patient with screening and a plan, and reads them back", async () => {
      const { clinic, patient, actor } = await enrol(store);
      const plan = await store.transaction(actor, (tx) =>
        tx.plans.create({
          patientId: patient.id,
          protocolId: "micro-titration",
          protocolVersion: 1,
          settings: { dose: "3mg" },
          startDate: "2027-01-04",
          detector: "pain-drop-30",
        }),
      );
      const read = await store.transaction(actor, async (tx) => ({
        clinic: await tx.clinics.get(clinic.id),
        staff: await tx.staff.findByEmail("lee@northside.example"),
        patient: await tx.patients.get(patient.id),
        plans: await tx.plans.listForPatient(patient.id),
        listed: await tx.patients.listByClinic(clinic.id),
      }));
      expect(read.clinic).toEqual(clinic);
      expect(read.staff).toMatchObject({ role: "clinician", clinicId: clinic.id, disabledAt: null });
      expect(read.patient).toEqual(patient);
      expect(read.patient?.screening).toEqual({ pregnant: false, opioids: [] });
      expect(read.plans).toEqual([plan]);
      expect(plan).toMatchObject({ protocolVersion: 1, settings: { dose: "3mg" }, createdBy: actor.id });
      expect(read.listed.map((p) => p.id)).toEqual([patient.id]);
    });

    it("stores times as ISO-8601 in UTC", async () => {
      const { patient } = await enrol(store);
      expect(patient.createdAt).toBe("2027-01-04T07:30:00.000Z");
    });

    it("keeps one diary entry per patient and idempotency key, returning the stored one on a retry", async () => {
      const { patient } = await enrol(store);
      const asPatient: Actor = { kind: "patient", id: patient.id };
      const checkIn = (pain: number) =>
        store.transaction(asPatient, (tx) =>
          tx.diary.record({
            patientId: patient.id,
            date: "2027-01-05",
            idempotencyKey: "phone-42",
            body: { pain },
          }),
        );
      const first = await checkIn(6);
      const retry = await checkIn(2);
      expect(first.created).toBe(true);
      expect(retry.created).toBe(false);
      expect(retry.entry).toEqual(first.entry);
      expect(retry.entry.body).toEqual({ pain: 6 });
      const entries = await store.transaction(asPatient, (tx) => tx.diary.listForPatient(patient.id));
      expect(entries).toHaveLength(1);
    });

    it("makes one entry from concurrent retries of the same check-in", async () => {
      const { patient } = await enrol(store);
      const asPatient: Actor = { kind: "patient", id: patient.id };
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.transaction(asPatient, (tx) =>
            tx.diary.record({
              patientId: patient.id,
              date: "2027-01-05",
              idempotencyKey: "k",
              body: { pain: 5 },
            }),
          ),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    });

    it("lets two patients use the same idempotency key", async () => {
      const { clinic, patient } = await enrol(store);
      const other = await store.transaction(SYSTEM_ACTOR, (tx) =>
        tx.patients.create({ clinicId: clinic.id, displayName: "S. Smith", screening: {} }),
      );
      const record = (patientId: string) =>
        store.transaction({ kind: "patient", id: patientId }, (tx) =>
          tx.diary.record({ patientId, date: "2027-01-05", idempotencyKey: "same", body: {} }),
        );
      expect((await record(patient.id)).created).toBe(true);
      expect((await record(other.id)).created).toBe(true);
    });

    it("refuses a second row with the same patient and key at the database itself (UNIQUE)", async () => {
      const { patient } = await enrol(store);
      const insert = (id: string) =>
        database.db
          .insertInto("diary_entries")
          .values({
            id,
            patient_id: patient.id,
            entry_date: "2027-01-05",
            idempotency_key: "dup",
            body: "{}",
            recorded_at: "2027-01-05T08:00:00.000Z",
          })
          .execute();
      await insert("a");
      await expect(insert("b")).rejects.toThrow(/unique/i);
    });

    it("writes audit events in the same transaction: a failing write leaves no data row, and its events only as a failure", async () => {
      const { clinic } = await enrol(store);
      const eventsBefore = await auditCount();
      await expect(
        store.transaction(SYSTEM_ACTOR, async (tx) => {
          await tx.patients.create({ clinicId: clinic.id, displayName: "Never Stored", screening: {} });
          // A diary entry for a patient that does not exist breaks the foreign key mid-transaction.
          await tx.diary.record({
            patientId: "no-such-patient",
            date: "2027-01-05",
            idempotencyKey: "x",
            body: {},
          });
        }),
      ).rejects.toThrow(/foreign key/i);
      const names = await database.db.selectFrom("patients").select("display_name").execute();
      expect(names.map((r) => r.display_name)).not.toContain("Never Stored");
      // The unit's events were rolled back with it, then written again as a failure (what a failed
      // operation read or tried stays on the record; nothing says it was stored).
      const after = await database.db
        .selectFrom("audit_events")
        .select(["action", "outcome", "details"])
        .orderBy("id")
        .offset(eventsBefore)
        .limit(100)
        .execute();
      expect(after.map((e) => [e.action, e.outcome, JSON.parse(e.details).rolledBack])).toEqual([
        ["patient.create", "failure", true],
      ]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: eventsBefore + 1 });
    });

    it("audits every read of patient data with the actor, the action, the patient and the time in UTC", async () => {
      const { patient, actor } = await enrol(store);
      await store.transaction(actor, (tx) => tx.patients.get(patient.id));
      await store.transaction(actor, (tx) => tx.patients.get("missing-patient"));
      const trail = await store.transaction(actor, (tx) => tx.audit.listForPatient(patient.id));
      expect(trail.map((e) => e.action)).toEqual(["patient.create", "patient.read"]);
      expect(trail[1]).toMatchObject({
        actor: { kind: "staff", id: actor.id },
        patientId: patient.id,
        outcome: "success",
        at: "2027-01-04T07:30:00.000Z",
      });
      const missing = await database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("patient_id", "=", "missing-patient")
        .execute();
      expect(missing.map((e) => [e.action, e.outcome])).toEqual([["patient.read", "failure"]]);
    });

    it("refuses UPDATE and DELETE on the audit table", async () => {
      await enrol(store);
      await expect(
        sql`update audit_events set action = 'x' where id = 1`.execute(database.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_events where id = 1`.execute(database.db)).rejects.toThrow(
        /append-only/,
      );
    });

    it("verifies an intact audit chain and names the first tampered row", async () => {
      const { patient, actor } = await enrol(store);
      for (let i = 0; i < 3; i++) await store.transaction(actor, (tx) => tx.patients.get(patient.id));
      const intact = await verifyAuditChain(database.db);
      expect(intact).toMatchObject({ ok: true, events: 6 });

      // An attacker with database access first switches off the append-only triggers.
      if (dialect === "sqlite") await sql`drop trigger audit_events_no_update`.execute(database.db);
      else
        await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
          database.db,
        );
      await sql`update audit_events set actor_id = 'someone-else' where id = 4`.execute(database.db);

      expect(await verifyAuditChain(database.db)).toEqual({
        ok: false,
        events: 3,
        badId: 4,
        reason: "does not match its hash",
      });
    });

    it("finds an audit row deleted from the middle or the end of the chain", async () => {
      const { patient, actor } = await enrol(store);
      await store.transaction(actor, (tx) => tx.patients.get(patient.id));
      if (dialect === "sqlite") await sql`drop trigger audit_events_no_delete`.execute(database.db);
      else
        await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
          database.db,
        );
      await sql`delete from audit_events where id = 3`.execute(database.db);
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        badId: 3,
        reason: "is missing",
      });
      await sql`delete from audit_events where id > 2`.execute(database.db);
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        badId: 3,
        reason: "is missing (the chain head names a later event)",
      });
    });

    it("keeps one unbroken chain when many transactions append at once", async () => {
      const { clinic, actor } = await enrol(store);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction(actor, (tx) =>
            tx.patients.create({ clinicId: clinic.id, displayName: `Patient ${i}`, screening: {} }),
          ),
        ),
      );
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: 23 });
    });

    it("uses an invitation once, even when two acceptances race", async () => {
      const { patient, actor } = await enrol(store);
      const invitation = await store.transaction(actor, (tx) =>
        tx.invitations.create({
          patientId: patient.id,
          tokenHash: "a".repeat(64),
          expiresAt: "2027-01-11T00:00:00Z",
        }),
      );
      const found = await store.transaction(SYSTEM_ACTOR, (tx) =>
        tx.invitations.findByTokenHash("a".repeat(64)),
      );
      expect(found).toMatchObject({
        id: invitation.id,
        patientId: patient.id,
        createdBy: actor.id,
        usedAt: null,
      });
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          store.transaction(SYSTEM_ACTOR, (tx) => tx.invitations.markUsed(invitation.id)),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("records one decision per recommendation, with who decided", async () => {
      const { patient, actor } = await enrol(store);
      const decided = await store.transaction(actor, async (tx) => {
        const plan = await tx.plans.create({
          patientId: patient.id,
          protocolId: "micro-titration",
          protocolVersion: 1,
          settings: {},
          startDate: "2027-01-04",
          detector: "robust",
        });
        const rec = await tx.recommendations.create({
          patientId: patient.id,
          planId: plan.id,
          protocolKey: "micro-titration@2",
          asOf: "2027-01-10",
          state: "window",
          body: { next: { totalUg: 800 } },
        });
        const input = { recommendationId: rec.id, patientId: patient.id, reason: null, engineDecision: null };
        return {
          first: await tx.recommendations.decide({ ...input, decision: "accept" }),
          second: await tx.recommendations.decide({ ...input, decision: "override", reason: "second click" }),
          all: await tx.recommendations.decisionsForPatient(patient.id),
        };
      });
      expect(decided.first).toMatchObject({ decision: "accept", decidedBy: actor.id });
      expect(decided.second).toBeUndefined();
      expect(decided.all).toEqual([decided.first]);
    });

    it("reads a whole clinic's records at once, auditing one event per patient", async () => {
      const { clinic, patient, actor } = await enrol(store);
      await store.transaction(actor, async (tx) => {
        await tx.diary.record({
          patientId: patient.id,
          date: "2027-01-05",
          idempotencyKey: "k1",
          body: { pain: 5 },
        });
        await tx.questionnaires.create({
          patientId: patient.id,
          instrument: "bpi",
          instrumentVersion: 1,
          answeredOn: "2027-01-03",
          answers: { worst: 5 },
          scores: {},
        });
      });
      const before = await auditCount();
      const all = await store.transaction(actor, (tx) => tx.records.forClinic(clinic.id));
      expect(all).toHaveLength(1);
      expect(all[0]!.patient.id).toBe(patient.id);
      expect(all[0]!.diary.map((e) => e.body)).toEqual([{ pain: 5 }]);
      expect(all[0]!.questionnaires.map((q) => q.answers)).toEqual([{ worst: 5 }]);
      expect((await auditCount()) - before).toBe(1);
    });

    it("shows an administrator only their own clinic's audit events", async () => {
      const { clinic, patient, actor } = await enrol(store);
      const other = await store.transaction(SYSTEM_ACTOR, async (tx) => {
        const c = await tx.clinics.create({ name: "Southside" });
        return tx.patients.create({ clinicId: c.id, displayName: "S. Smith", screening: {} });
      });
      const events = await store.transaction(actor, (tx) =>
        tx.audit.query({ clinicId: clinic.id, limit: 100 }),
      );
      const patients = new Set(events.map((e) => e.patientId).filter((p) => p !== null));
      expect(patients.has(patient.id)).toBe(true);
      expect(patients.has(other.id)).toBe(false);
      expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    });

    it("ends every open session of one person at once", async () => {
      const { clinician } = await enrol(store);
      const ended = await store.transaction(SYSTEM_ACTOR, async (tx) => {
        for (const id of ["s1", "s2"]) {
          await tx.sessions.create({
            id,
            subjectKind: "staff",
            subjectId: clinician.id,
            expiresAt: "2027-01-05T00:00:00Z",
          });
        }
        const n = await tx.sessions.endAllFor("staff", clinician.id);
        return { n, s1: await tx.sessions.get("s1") };
      });
      expect(ended.n).toBe(2);
      expect(ended.s1?.endedAt).not.toBeNull();
    });
  });
}
