/**
 * The storage contract: the same behaviour on every database (see testing/test-databases.ts).
 * The audit trail's part of it is in store-audit.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../app/ports/actor.ts";
import { openDatabase } from "./database.ts";
import { MIGRATION_NAMES } from "./migrations/index.ts";
import { auditCount, enrol, freshStoreEachTest } from "./testing/store-contract.ts";
import { DIALECTS } from "./testing/test-databases.ts";

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect}`, () => {
    const fresh = freshStoreEachTest(dialect);

    it("runs every migration on open, and opening again changes nothing", async () => {
      const applied = () =>
        fresh.database.db
          .selectFrom("kysely_migration" as never)
          .select("name" as never)
          .execute();
      expect((await applied()).map((r) => (r as { name: string }).name)).toEqual([...MIGRATION_NAMES]);
      await fresh.database.close();
      fresh.database = await openDatabase(fresh.test.config);
      expect((await applied()).map((r) => (r as { name: string }).name)).toEqual([...MIGRATION_NAMES]);
    });

    it("stores a clinic, a clinician, a patient with screening and a plan, and reads them back", async () => {
      const { clinic, patient, actor } = await enrol(fresh.store);
      const plan = await fresh.store.transaction(actor, (tx) =>
        tx.plans.create({
          patientId: patient.id,
          protocolId: "micro-titration",
          protocolVersion: 1,
          settings: { dose: "3mg" },
          startDate: "2027-01-04",
          detector: "pain-drop-30",
        }),
      );
      const read = await fresh.store.transaction(actor, async (tx) => ({
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
      const { patient } = await enrol(fresh.store);
      expect(patient.createdAt).toBe("2027-01-04T07:30:00.000Z");
    });

    it("keeps one diary entry per patient and idempotency key, returning the stored one on a retry", async () => {
      const { patient } = await enrol(fresh.store);
      const asPatient: Actor = { kind: "patient", id: patient.id };
      const checkIn = (pain: number) =>
        fresh.store.transaction(asPatient, (tx) =>
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
      const entries = await fresh.store.transaction(asPatient, (tx) => tx.diary.listForPatient(patient.id));
      expect(entries).toHaveLength(1);
    });

    it("makes one entry from concurrent retries of the same check-in", async () => {
      const { patient } = await enrol(fresh.store);
      const asPatient: Actor = { kind: "patient", id: patient.id };
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          fresh.store.transaction(asPatient, (tx) =>
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
      const { clinic, patient } = await enrol(fresh.store);
      const other = await fresh.store.transaction(SYSTEM_ACTOR, (tx) =>
        tx.patients.create({ clinicId: clinic.id, displayName: "S. Smith", screening: {} }),
      );
      const record = (patientId: string) =>
        fresh.store.transaction({ kind: "patient", id: patientId }, (tx) =>
          tx.diary.record({ patientId, date: "2027-01-05", idempotencyKey: "same", body: {} }),
        );
      expect((await record(patient.id)).created).toBe(true);
      expect((await record(other.id)).created).toBe(true);
    });

    it("refuses a second row with the same patient and key at the database itself (UNIQUE)", async () => {
      const { patient } = await enrol(fresh.store);
      const insert = (id: string) =>
        fresh.database.db
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

    it("uses an invitation once, even when two acceptances race", async () => {
      const { patient, actor } = await enrol(fresh.store);
      const invitation = await fresh.store.transaction(actor, (tx) =>
        tx.invitations.create({
          patientId: patient.id,
          tokenHash: "a".repeat(64),
          expiresAt: "2027-01-11T00:00:00Z",
        }),
      );
      const found = await fresh.store.transaction(SYSTEM_ACTOR, (tx) =>
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
          fresh.store.transaction(SYSTEM_ACTOR, (tx) => tx.invitations.markUsed(invitation.id)),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("records one decision per recommendation, with who decided", async () => {
      const { patient, actor } = await enrol(fresh.store);
      const decided = await fresh.store.transaction(actor, async (tx) => {
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
      const { clinic, patient, actor } = await enrol(fresh.store);
      await fresh.store.transaction(actor, async (tx) => {
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
      const before = await auditCount(fresh.database);
      const all = await fresh.store.transaction(actor, (tx) => tx.records.forClinic(clinic.id));
      expect(all).toHaveLength(1);
      expect(all[0]!.patient.id).toBe(patient.id);
      expect(all[0]!.diary.map((e) => e.body)).toEqual([{ pain: 5 }]);
      expect(all[0]!.questionnaires.map((q) => q.answers)).toEqual([{ worst: 5 }]);
      expect((await auditCount(fresh.database)) - before).toBe(1);
    });

    it("ends every open session of one person at once", async () => {
      const { clinician } = await enrol(fresh.store);
      const ended = await fresh.store.transaction(SYSTEM_ACTOR, async (tx) => {
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
