import { describe, expect, it } from "vitest";
import type { DispensedFill } from "../ports/dispensed-fill-repository.ts";
import type { Patient } from "../ports/patient-repository.ts";
import type { Plan } from "../ports/plan-repository.ts";
import type { Decision } from "../ports/recommendation-repository.ts";
import { planCapsules } from "../../domain/compounding/capsule-plan.ts";
import { DEFAULT_FILL_SETTINGS } from "../../domain/compounding/next-fill.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { buildSchedule } from "../../domain/protocols/schedule.ts";
import type { PatientRecord } from "./assess-patient.ts";
import { planNextFill } from "./plan-next-fill.ts";

const patient: Patient = {
  id: "p1",
  clinicId: "c1",
  displayName: "R. Jones",
  screening: {},
  createdAt: "2026-12-20T09:00:00.000Z",
  loginCode: null,
};

const plan: Plan = {
  id: "plan1",
  patientId: "p1",
  protocolId: "micro-titration",
  protocolVersion: getProtocol("micro-titration").version,
  settings: {},
  startDate: "2027-01-04",
  detector: "robust",
  createdBy: "dr1",
  createdAt: "2027-01-01T09:00:00.000Z",
  interactionAck: null,
};

const written = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 80 }).days;

/** A diary that took the protocol's doses every day up to `last` (inclusive), pain steady. */
function diaryTo(last: string) {
  return written
    .filter((d) => d.date <= last)
    .map((d, i) => ({
      id: `e${i}`,
      patientId: "p1",
      date: d.date,
      idempotencyKey: `k${i}`,
      body: {
        date: d.date,
        doses: d.doses.map((x) => ({ time: x.time, ug: x.ug })),
        pain: 6,
        sideEffects: [],
      },
      recordedAt: `${d.date}T20:00:00.000Z`,
      version: 1,
      recordedBy: null,
    }));
}

const decision = (engineDecision: Record<string, unknown>): Decision => ({
  id: "d1",
  recommendationId: "r1",
  decidedBy: "dr1",
  decision: "override",
  reason: "test",
  decidedAt: "2027-01-09T10:00:00.000Z",
  engineDecision,
});

const fill = (start: string, end: string): DispensedFill => ({
  id: `f-${start}`,
  patientId: "p1",
  planId: "plan1",
  start,
  end,
  days: 28,
  lines: { strengths: [], recipes: [] },
  idempotencyKey: `key-${start}`,
  dispensedBy: "ph1",
  dispensedByName: "A. Ash",
  dispensedAt: `${start}T09:00:00.000Z`,
});

const next = (record: PatientRecord, fills: readonly DispensedFill[], today: string) =>
  planNextFill({
    patient,
    record,
    fills,
    prescriberName: "Dr K. Lee",
    today,
    settings: DEFAULT_FILL_SETTINGS,
  });

describe("a patient's next fill", () => {
  it("before the plan starts, is the protocol's first 28 days, compounded at the least cost", () => {
    const f = next({ plan, diary: [], decisions: [] }, [], "2027-01-01")!;
    expect(f.window).toMatchObject({ start: "2027-01-04", end: "2027-01-31", status: "due" });
    expect(f.prescriber).toEqual({ id: "dr1", name: "Dr K. Lee" });
    expect(f.days.map((d) => d.totalUg)).toEqual(written.slice(0, 28).map((d) => d.totalUg));
    expect(f.capsules!.strengths).toEqual(planCapsules(written.slice(0, 28)).strengths);
  });

  it("follows on from the last fill dispensed, with the doses the engine plans, not the calendar's", () => {
    const record = { plan, diary: diaryTo("2027-01-30"), decisions: [] };
    const f = next(record, [fill("2027-01-04", "2027-01-31")], "2027-01-28")!;
    expect(f.window).toMatchObject({ neededFrom: "2027-02-01", start: "2027-02-01", status: "due" });
    expect(f.days[0]!.date).toBe("2027-02-01");
    expect(f.days).toHaveLength(28);
  });

  it("holds the MED every day of a refill once the clinician has set it", () => {
    const record = {
      plan,
      diary: diaryTo("2027-01-09"),
      decisions: [decision({ date: "2027-01-09", kind: "set-med", totalUg: 400 })],
    };
    const f = next(record, [fill("2027-01-04", "2027-01-31")], "2027-01-28")!;
    expect(f.state).toBe("med");
    expect(new Set(f.days.map((d) => d.totalUg))).toEqual(new Set([400]));
    const total = f.capsules!.recipes.reduce((s, r) => s + r.ug * r.count, 0);
    expect(total).toBe(28 * 400);
  });

  it("is nothing for a patient with no plan, or one the clinician has stopped", () => {
    expect(next({ plan: undefined, diary: [], decisions: [] }, [], "2027-01-10")).toBeNull();
    const stopped = {
      plan,
      diary: diaryTo("2027-01-09"),
      decisions: [decision({ date: "2027-01-09", kind: "stop" })],
    };
    expect(next(stopped, [], "2027-01-12")).toBeNull();
  });
});
