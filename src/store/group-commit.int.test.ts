/**
 * Group commit on every database (see testing/test-databases.ts): concurrent units share one
 * commit, a failing unit rolls back alone and leaves the audit chain head where it found it,
 * and on PostgreSQL two servers' batches on one database neither deadlock nor fork the chain.
 */
import type { KyselyPlugin } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../app/ports/actor.ts";
import type { Store } from "../app/ports/store.ts";
import { verifyAuditChain } from "./audit/verify-audit-chain.ts";
import { openDatabase, type Database } from "./database.ts";
import { createSqlStore } from "./sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "./testing/test-databases.ts";

async function enrol(store: Store): Promise<{ patientId: string; actor: Actor }> {
  return store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Batch Pain Clinic" });
    const patient = await tx.patients.create({
      clinicId: clinic.id,
      displayName: "G. Roup",
      screening: { pregnant: false, opioids: [] },
    });
    return { patientId: patient.id, actor: { kind: "patient", id: patient.id } };
  });
}

/** A plugin that keeps the text of every statement run through it. */
function recording(statements: string[]): KyselyPlugin {
  return {
    transformQuery: ({ node }) => {
      statements.push(node.kind === "RawNode" ? node.sqlFragments.join("?") : node.kind);
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
}

const day = (i: number) => `2027-02-${String(1 + (i % 28)).padStart(2, "0")}`;

for (const dialect of DIALECTS) {
  describe(`group commit on ${dialect}`, () => {
    let test: TestDatabaseConfig;
    let database: Database;
    let store: Store;
    let batches: number[];

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      database = await openDatabase(test.config);
      batches = [];
      store = createSqlStore(database, { onCommitBatch: (n) => batches.push(n) });
    });

    afterEach(async () => {
      await database.close();
      await test.cleanup();
    });

    it("commits 20 check-ins begun together in fewer commits, each stored with its audit event, the chain intact", async () => {
      const { patientId, actor } = await enrol(store);
      batches = [];
      const recorded = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction(actor, (tx) =>
            tx.diary.record({
              patientId,
              date: day(i),
              idempotencyKey: `batch-key-${i}`,
              body: { pain: i % 11 },
            }),
          ),
        ),
      );

      expect(recorded.every((r) => r.created)).toBe(true);
      expect(batches.reduce((a, n) => a + n, 0)).toBe(20);
      expect(batches.length).toBeLessThan(20);
      const events = await database.db
        .selectFrom("audit_events")
        .select(["id", "subject_id"])
        .where("action", "=", "diary.record")
        .orderBy("id")
        .execute();
      expect(events.map((e) => e.subject_id).sort()).toEqual(recorded.map((r) => r.entry.id).sort());
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });

    it("rolls a failing unit back alone: the units after it in its batch link to the head it found", async () => {
      const { patientId, actor } = await enrol(store);
      batches = [];
      const outcomes = await Promise.allSettled([
        store.transaction(actor, (tx) =>
          tx.diary.record({ patientId, date: day(0), idempotencyKey: "before-key-0", body: { pain: 1 } }),
        ),
        store.transaction(actor, async (tx) => {
          await tx.diary.record({
            patientId,
            date: day(1),
            idempotencyKey: "failing-key-1",
            body: { pain: 2 },
          });
          throw new Error("the handler failed after its audit event");
        }),
        store.transaction(actor, (tx) =>
          tx.diary.record({ patientId, date: day(2), idempotencyKey: "after-key-2", body: { pain: 3 } }),
        ),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(batches[0]).toBe(3); // all three in one batch: the failure was mid-batch
      const days = await database.db.selectFrom("diary_entries").select("entry_date").execute();
      expect(days.map((d) => d.entry_date).sort()).toEqual([day(0), day(2)]);
      // The failed unit's event is kept as a failure (sql-store.ts), after the batch.
      const events = await database.db
        .selectFrom("audit_events")
        .select(["action", "outcome", "details"])
        .where("action", "=", "diary.record")
        .orderBy("id")
        .execute();
      expect(events.map((e) => e.outcome)).toEqual(["success", "success", "failure"]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: expect.any(Number) });
    });

    it("writes a batch's audit events in one insert before its commit, and again after a unit that wrote them fails", async () => {
      const { patientId, actor } = await enrol(store);
      batches = [];
      let seenByReader: string[] = [];
      const record = (i: number) =>
        store.transaction(actor, (tx) =>
          tx.diary.record({ patientId, date: day(i), idempotencyKey: `held-key-${i}`, body: { pain: i } }),
        );
      const outcomes = await Promise.allSettled([
        record(0),
        record(1),
        // Reading the audit log writes the events held so far (the two above), inside this
        // unit's savepoint; its failure rolls that insert back with its own event.
        store.transaction(actor, async (tx) => {
          seenByReader = (await tx.audit.listForPatient(patientId))
            .filter((e) => e.action === "diary.record")
            .map((e) => e.subjectId!);
          throw new Error("the reader failed after reading");
        }),
        record(2),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
      expect(batches[0]).toBe(4);
      const recorded = outcomes.flatMap((o) =>
        o.status === "fulfilled" && o.value ? [(o.value as { entry: { id: string } }).entry.id] : [],
      );
      // The reader saw the events of the units before it in its batch, as it would have read them.
      expect(seenByReader).toEqual(recorded.slice(0, 2));
      const events = await database.db
        .selectFrom("audit_events")
        .select(["action", "subject_id", "outcome"])
        .where("patient_id", "=", patientId)
        .where("action", "in", ["diary.record", "audit.read"])
        .orderBy("id")
        .execute();
      // Every stored check-in's event once, in order; the failed reader's read kept as a failure.
      expect(events.filter((e) => e.action === "diary.record").map((e) => e.subject_id)).toEqual(recorded);
      expect(events.filter((e) => e.action === "audit.read").map((e) => e.outcome)).toEqual(["failure"]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });

    it("runs a batch of rerunnable units without a savepoint each; a failure runs it again with them", async () => {
      const { patientId, actor } = await enrol(store);
      const statements: string[] = [];
      const counted = createSqlStore(
        { ...database, db: database.db.withPlugin(recording(statements)) },
        {
          onCommitBatch: (n) => batches.push(n),
        },
      );
      const runs = [0, 0, 0];
      const record = (i: number, fail = false) =>
        counted.transaction(
          actor,
          async (tx) => {
            runs[i]! += 1;
            const recorded = await tx.diary.record({
              patientId,
              date: day(i),
              idempotencyKey: `again-${i}`,
              body: {},
            });
            if (fail) throw new Error("the second unit failed after its insert");
            return recorded.entry.id;
          },
          { rerunnable: true },
        );

      batches = [];
      await Promise.all([record(0), record(1), record(2)]);
      expect(batches).toEqual([3]);
      expect(statements.filter((s) => /savepoint/i.test(s))).toEqual([]);
      expect(runs).toEqual([1, 1, 1]);

      await database.db.deleteFrom("diary_entries").execute();
      statements.length = 0;
      runs.fill(0);
      const outcomes = await Promise.allSettled([record(0), record(1, true), record(2)]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      // Rolled back at the failure (the third never ran), then run again, each in its savepoint.
      expect(runs).toEqual([2, 2, 1]);
      // (PostgreSQL sends a release and the next savepoint together.)
      expect(statements.join("; ").match(/(^|; )savepoint unit_\d/g)).toHaveLength(3);
      const days = await database.db.selectFrom("diary_entries").select("entry_date").execute();
      expect(days.map((d) => d.entry_date).sort()).toEqual([day(0), day(2)]);
      // The first batch's three, then the second's two and its failure, once each: the run
      // rolled back left no event.
      const events = await database.db
        .selectFrom("audit_events")
        .select(["subject_id", "outcome"])
        .where("action", "=", "diary.record")
        .orderBy("id")
        .execute();
      expect(events.map((e) => e.outcome)).toEqual([
        ...["success", "success", "success"],
        ...["success", "success", "failure"],
      ]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });

    it("runs a unit that is not rerunnable once, in its savepoint, when another in its batch fails", async () => {
      const { patientId, actor } = await enrol(store);
      let runs = 0;
      batches = [];
      const outcomes = await Promise.allSettled([
        store.transaction(actor, async (tx) => {
          runs += 1;
          return tx.diary.record({ patientId, date: day(0), idempotencyKey: "once-0", body: {} });
        }),
        store.transaction(actor, () => Promise.reject(new Error("failed")), { rerunnable: true }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
      expect(batches[0]).toBe(2);
      expect(runs).toBe(1);
    });

    // Only PostgreSQL lets two server processes write one database at once.
    if (dialect === "postgres")
      it("lets two servers on one PostgreSQL record the same patient's days at once: no deadlock, each day once, one chain", async () => {
        const { patientId, actor } = await enrol(store);
        const other = await openDatabase(test.config);
        const otherStore = createSqlStore(other);
        try {
          // Both servers get every check-in (a phone retrying on the other server), in opposite orders.
          const checkIn = (s: Store, i: number) =>
            s.transaction(actor, (tx) =>
              tx.diary.record({
                patientId,
                date: day(i),
                idempotencyKey: `twice-key-${i}`,
                body: { pain: i % 11 },
              }),
            );
          const ids = Array.from({ length: 24 }, (_, i) => i);
          const [mine, theirs] = await Promise.all([
            Promise.all(ids.map((i) => checkIn(store, i))),
            Promise.all([...ids].reverse().map((i) => checkIn(otherStore, i))),
          ]);

          theirs.reverse();
          expect(mine.map((r) => r.entry.id)).toEqual(theirs.map((r) => r.entry.id));
          expect(mine.filter((r) => r.created).length + theirs.filter((r) => r.created).length).toBe(24);
          const rows = await database.db.selectFrom("diary_entries").select("entry_date").execute();
          expect(rows).toHaveLength(24);
          expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
        } finally {
          await other.close();
        }
      });
  });
}
