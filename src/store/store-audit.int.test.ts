/**
 * The storage contract's audit trail, the same on every database: events written in the data's
 * own transaction, every read of patient data audited, the table append-only, its hash chain
 * verified (a changed or deleted row named) and unbroken under concurrent writes, and each
 * administrator shown only their own clinic's events.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { verifyAuditChain } from "./audit/verify-audit-chain.ts";
import { auditCount, enrol, freshStoreEachTest } from "./testing/store-contract.ts";
import { DIALECTS } from "./testing/test-databases.ts";

for (const dialect of DIALECTS) {
  describe(`storage: the audit trail on ${dialect}`, () => {
    const fresh = freshStoreEachTest(dialect);

    it("writes audit events in the same transaction: a failing write leaves no data row, and its events only as a failure", async () => {
      const { clinic } = await enrol(fresh.store);
      const eventsBefore = await auditCount(fresh.database);
      await expect(
        fresh.store.transaction(SYSTEM_ACTOR, async (tx) => {
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
      const names = await fresh.database.db.selectFrom("patients").select("display_name").execute();
      expect(names.map((r) => r.display_name)).not.toContain("Never Stored");
      // The unit's events were rolled back with it, then written again as a failure (what a failed
      // operation read or tried stays on the record; nothing says it was stored).
      const after = await fresh.database.db
        .selectFrom("audit_events")
        .select(["action", "outcome", "details"])
        .orderBy("id")
        .offset(eventsBefore)
        .limit(100)
        .execute();
      expect(after.map((e) => [e.action, e.outcome, JSON.parse(e.details).rolledBack])).toEqual([
        ["patient.create", "failure", true],
      ]);
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({ ok: true, events: eventsBefore + 1 });
    });

    it("audits every read of patient data with the actor, the action, the patient and the time in UTC", async () => {
      const { patient, actor } = await enrol(fresh.store);
      await fresh.store.transaction(actor, (tx) => tx.patients.get(patient.id));
      await fresh.store.transaction(actor, (tx) => tx.patients.get("missing-patient"));
      const trail = await fresh.store.transaction(actor, (tx) => tx.audit.listForPatient(patient.id));
      expect(trail.map((e) => e.action)).toEqual(["patient.create", "patient.read"]);
      expect(trail[1]).toMatchObject({
        actor: { kind: "staff", id: actor.id },
        patientId: patient.id,
        outcome: "success",
        at: "2027-01-04T07:30:00.000Z",
      });
      const missing = await fresh.database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("patient_id", "=", "missing-patient")
        .execute();
      expect(missing.map((e) => [e.action, e.outcome])).toEqual([["patient.read", "failure"]]);
    });

    it("refuses UPDATE and DELETE on the audit table", async () => {
      await enrol(fresh.store);
      await expect(
        sql`update audit_events set action = 'x' where id = 1`.execute(fresh.database.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_events where id = 1`.execute(fresh.database.db)).rejects.toThrow(
        /append-only/,
      );
    });

    it("verifies an intact audit chain and names the first tampered row", async () => {
      const { patient, actor } = await enrol(fresh.store);
      for (let i = 0; i < 3; i++) await fresh.store.transaction(actor, (tx) => tx.patients.get(patient.id));
      const intact = await verifyAuditChain(fresh.database.db);
      expect(intact).toMatchObject({ ok: true, events: 6 });

      // An attacker with database access first switches off the append-only triggers.
      if (dialect === "sqlite") await sql`drop trigger audit_events_no_update`.execute(fresh.database.db);
      else
        await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
          fresh.database.db,
        );
      await sql`update audit_events set actor_id = 'someone-else' where id = 4`.execute(fresh.database.db);

      expect(await verifyAuditChain(fresh.database.db)).toEqual({
        ok: false,
        events: 3,
        badId: 4,
        reason: "does not match its hash",
      });
    });

    it("finds an audit row deleted from the middle or the end of the chain", async () => {
      const { patient, actor } = await enrol(fresh.store);
      await fresh.store.transaction(actor, (tx) => tx.patients.get(patient.id));
      if (dialect === "sqlite") await sql`drop trigger audit_events_no_delete`.execute(fresh.database.db);
      else
        await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(
          fresh.database.db,
        );
      await sql`delete from audit_events where id = 3`.execute(fresh.database.db);
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({
        ok: false,
        badId: 3,
        reason: "is missing",
      });
      await sql`delete from audit_events where id > 2`.execute(fresh.database.db);
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({
        ok: false,
        badId: 3,
        reason: "is missing (the chain head names a later event)",
      });
    });

    it("keeps one unbroken chain when many transactions append at once", async () => {
      const { clinic, actor } = await enrol(fresh.store);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fresh.store.transaction(actor, (tx) =>
            tx.patients.create({ clinicId: clinic.id, displayName: `Patient ${i}`, screening: {} }),
          ),
        ),
      );
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({ ok: true, events: 23 });
    });

    it("shows an administrator only their own clinic's audit events", async () => {
      const { clinic, patient, actor } = await enrol(fresh.store);
      const other = await fresh.store.transaction(SYSTEM_ACTOR, async (tx) => {
        const c = await tx.clinics.create({ name: "Southside" });
        return tx.patients.create({ clinicId: c.id, displayName: "S. Smith", screening: {} });
      });
      const events = await fresh.store.transaction(actor, (tx) =>
        tx.audit.query({ clinicId: clinic.id, limit: 100 }),
      );
      const patients = new Set(events.map((e) => e.patientId).filter((p) => p !== null));
      expect(patients.has(patient.id)).toBe(true);
      expect(patients.has(other.id)).toBe(false);
      expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    });
  });
}
