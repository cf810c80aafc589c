/**
 * The screening holds when a plan starts (the use cases `startPlan` and `rescreenPatient` on a
 * real database; they live in app/, which may not import the store, so the test lives here).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../app/ports/actor.ts";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import type { Store } from "../app/ports/store.ts";
import { enrolPatient, storedScreening, type ScreeningAnswers } from "../app/use-cases/enrol-patient.ts";
import { rescreenPatient } from "../app/use-cases/rescreen-patient.ts";
import { startPlan } from "../app/use-cases/start-plan.ts";
import { DomainError } from "../domain/errors.ts";
import { openDatabase, type Database } from "./database.ts";
import { createSqlStore } from "./sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "./testing/test-databases.ts";

const CLOCK = { now: () => new Date("2027-01-04T09:30:00Z") };

const ANSWERS: ScreeningAnswers = {
  ageYears: 38,
  painMonths: 30,
  pregnancy: "unknown",
  opioids: [],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
};

const PLAN = { protocolId: "micro-titration", settings: {}, startDate: "2027-01-04", detector: "robust" };

/** The error a promise rejects with (a DomainError), or a failure when it resolves. */
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

for (const dialect of DIALECTS) {
  describe(`the screening holds when a plan starts, on ${dialect}`, () => {
    let test: TestDatabaseConfig;
    let database: Database;
    let store: Store;
    let actor: Actor;
    let clinicId: string;

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      database = await openDatabase(test.config);
      store = createSqlStore(database, { clock: CLOCK });
      ({ actor, clinicId } = await store.transaction(SYSTEM_ACTOR, async (tx) => {
        const clinic = await tx.clinics.create({ name: "Northside Pain Clinic" });
        const clinician = await tx.staff.create({
          clinicId: clinic.id,
          email: "lee@northside.example",
          displayName: "Dr Lee",
          role: "clinician",
          passwordHash: "$scrypt$not-a-real-hash",
        });
        return { actor: { kind: "staff", id: clinician.id } as Actor, clinicId: clinic.id };
      }));
    });
    afterEach(async () => {
      await database.close();
      await test.cleanup();
    });

    const enrol = (answers: ScreeningAnswers) =>
      store.transaction(actor, (tx) => enrolPatient(tx, clinicId, "R. Jones", answers));
    const start = (patientId: string) =>
      store.transaction(actor, (tx) => startPlan(tx, actor.id, { patientId, ...PLAN }));

    it("refuses a plan while pregnancy status is unknown, naming the field and what to record, and stores none", async () => {
      const patient = await enrol(ANSWERS);
      const error = await refusal(start(patient.id));
      expect(error.code).toBe("pregnancy_unknown");
      expect(error.details).toMatchObject({ field: "screening.pregnancy", value: "unknown" });
      expect(error.message).toMatch(/^screening\.pregnancy: .*"unknown"/);
      expect(error.message).toContain(
        "record it (yes / no / not applicable) in screening before starting a plan",
      );
      expect(await store.transaction(actor, (tx) => tx.plans.listForPatient(patient.id))).toEqual([]);
    });

    it("refuses a pregnant patient as not eligible (004 excluded pregnancy)", async () => {
      const patient = await enrol({ ...ANSWERS, pregnancy: "yes" });
      const error = await refusal(start(patient.id));
      expect(error.code).toBe("invalid_argument");
      expect(error.message).toContain("pregnant: the study excluded pregnancy");
    });

    it("starts the plan once the pregnancy status is recorded by screening again, and audits the new screening", async () => {
      const patient = await enrol(ANSWERS);
      const rescreened = await store.transaction(actor, (tx) =>
        rescreenPatient(tx, patient.id, { ...ANSWERS, pregnancy: "not-applicable" }),
      );
      expect(storedScreening(rescreened).result.reasons.map((r) => r.code)).not.toContain(
        "pregnancy-unknown",
      );
      const reread = await store.transaction(actor, (tx) => tx.patients.get(patient.id));
      expect(storedScreening(reread!).answers.pregnancy).toBe("not-applicable");
      const plan = await start(patient.id);
      expect(plan.protocolId).toBe("micro-titration");
      const trail = await store.transaction(SYSTEM_ACTOR, (tx) => tx.audit.listForPatient(patient.id));
      expect(trail.map((e) => e.action)).toContain("patient.screen");
    });

    it("keeps the old screening when the new answers are refused", async () => {
      const patient = await enrol(ANSWERS);
      const error = await refusal(
        store.transaction(actor, (tx) => rescreenPatient(tx, patient.id, { ...ANSWERS, ageYears: 300 })),
      );
      expect(error.details.field).toBe("age");
      const reread = await store.transaction(actor, (tx) => tx.patients.get(patient.id));
      expect(storedScreening(reread!).answers.pregnancy).toBe("unknown");
    });
  });
}
