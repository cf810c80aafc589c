/**
 * The in-memory twin keeps the parts of the storage contract a use case can observe
 * (the SQL store proves the same sentences in src/store/store.int.test.ts).
 */
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import { createMemoryStore } from "./memory-store.ts";

const CLOCK = { now: () => new Date("2027-01-04T09:30:00+02:00") };

async function enrol() {
  const store = createMemoryStore(CLOCK);
  const patient = await store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Northside" });
    return tx.patients.create({
      clinicId: clinic.id,
      displayName: "R. Jones",
      screening: { pregnant: false },
    });
  });
  return { store, patient };
}

describe("the in-memory store", () => {
  it("keeps one diary entry per patient and idempotency key, returning the stored one on a retry", async () => {
    const { store, patient } = await enrol();
    const checkIn = (pain: number) =>
      store.transaction({ kind: "patient", id: patient.id }, (tx) =>
        tx.diary.record({ patientId: patient.id, date: "2027-01-05", idempotencyKey: "k", body: { pain } }),
      );
    const first = await checkIn(6);
    const retry = await checkIn(2);
    expect([first.created, retry.created]).toEqual([true, false]);
    expect(retry.entry.body).toEqual({ pain: 6 });
    expect(store.state.diary).toHaveLength(1);
  });

  it("rolls a failing transaction back whole, its audit events included", async () => {
    const { store } = await enrol();
    const before = structuredClone(store.state);
    await expect(
      store.transaction(SYSTEM_ACTOR, async (tx) => {
        await tx.clinics.create({ name: "Never Stored" });
        await tx.diary.record({
          patientId: "no-such-patient",
          date: "2027-01-05",
          idempotencyKey: "x",
          body: {},
        });
      }),
    ).rejects.toThrow(/foreign key/);
    expect(store.state).toEqual(before);
  });

  it("audits reads of patient data with the actor, the patient and the time in UTC", async () => {
    const { store, patient } = await enrol();
    await store.transaction({ kind: "staff", id: "dr-lee" }, (tx) => tx.patients.get(patient.id));
    expect(store.state.audit.at(-1)).toEqual({
      id: 3,
      at: "2027-01-04T07:30:00.000Z",
      actor: { kind: "staff", id: "dr-lee" },
      action: "patient.read",
      patientId: patient.id,
      subjectId: patient.id,
      outcome: "success",
      details: {},
    });
  });

  it("refuses a second staff member with the same email", async () => {
    const store = createMemoryStore(CLOCK);
    await expect(
      store.transaction(SYSTEM_ACTOR, async (tx) => {
        const clinic = await tx.clinics.create({ name: "Northside" });
        const staff = { clinicId: clinic.id, email: "a@x.example", displayName: "A", passwordHash: "h" };
        await tx.staff.create({ ...staff, role: "clinician" });
        await tx.staff.create({ ...staff, role: "pharmacist" });
      }),
    ).rejects.toThrow(/unique/);
    expect(store.state.staff).toEqual([]);
  });
});
