import { describe, expect, it } from "vitest";
import type { Plan } from "../app/ports/plan-repository.ts";
import { microgramsOf } from "./dosage.ts";
import { planRequests } from "./plan-requests.ts";
import { problemsOf } from "./validate.testing.ts";

const plan: Plan = {
  id: "7d0c6a2e-3b1f-4c55-9a51-2f7f0b6d1e10",
  patientId: "0b0e8c1a-5a7e-4d1b-8f43-6f0d9b1f2c33",
  protocolId: "micro-titration",
  protocolVersion: 2,
  settings: {},
  startDate: "2027-01-04",
  detector: "robust",
  createdBy: "5c1d7e0a-2f4b-4b8e-9d6a-1e3f5a7c9b21",
  createdAt: "2027-01-04T09:30:00.000Z",
  interactionAck: null,
};

describe("a micro-titration plan as MedicationRequests", { timeout: 120_000 }, () => {
  // Micro-titration (004): 0.1 mg more every 2 days, split over 08:00, 12:00, 16:00 and 20:00;
  // day 9 is 0.5 mg as 0.2 + 0.1 + 0.1 + 0.1 mg (split-doses.ts reproduces 004's table).
  const requests = planRequests(plan, "2027-01-12");
  const day9 = requests.find((r) => r.id === `${plan.id}-d9`)!;

  it("orders one request per 2-day level up to the export date, grouped by the plan", () => {
    expect(requests.map((r) => r.id!.slice(plan.id.length))).toEqual(["-d1", "-d3", "-d5", "-d7", "-d9"]);
    expect(new Set(requests.map((r) => r.groupIdentifier?.value))).toEqual(new Set([plan.id]));
    expect(requests.map((r) => r.status)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
      "active",
    ]);
  });

  it("gives a 4-dose day one Dosage per amount and time, all concurrent, each with its own text", () => {
    const dosages = day9.dosageInstruction!;
    expect(dosages.map((d) => d.timing?.repeat?.timeOfDay)).toEqual([
      ["08:00:00"],
      ["12:00:00"],
      ["16:00:00"],
      ["20:00:00"],
    ]);
    expect(dosages.map((d) => microgramsOf(d.doseAndRate?.[0]?.doseQuantity))).toEqual([200, 100, 100, 100]);
    expect(dosages.every((d) => d.sequence === 1)).toBe(true);
    expect(dosages[0]!.text).toBe("0.2 mg by mouth at 08:00 each day from 2027-01-12 to 2027-01-13");
    expect(dosages[0]!.timing?.repeat?.boundsPeriod).toEqual({ start: "2027-01-12", end: "2027-01-13" });
    expect(dosages[0]!.doseAndRate?.[0]?.doseQuantity).toEqual({
      value: 0.2,
      unit: "mg",
      system: "http://unitsofmeasure.org",
      code: "mg",
    });
    // 004: at most 6 mg a day.
    expect(dosages[0]!.maxDosePerPeriod?.numerator).toMatchObject({ value: 6, code: "mg" });
    expect(dosages[0]!.maxDosePerPeriod?.denominator).toMatchObject({ value: 1, code: "d" });
  });

  it("names compounded naltrexone as text with a contained Medication of RxNorm naltrexone", () => {
    expect(day9.medicationReference?.reference).toBe("#ldn");
    const medication = day9.contained?.[0];
    expect(medication?.resourceType).toBe("Medication");
    expect(JSON.stringify(medication)).toContain('"code":"7243"');
    expect(day9.requester?.reference).toBe(`Practitioner/${plan.createdBy}`);
  });

  it("is valid R4 for Medplum's validator and HL7's JSON schema", () => {
    expect(requests.flatMap(problemsOf)).toEqual([]);
  });

  it("writes a microgram dose below 0.1 mg in mcg with UCUM code ug (ISMP: mcg, never ug)", () => {
    const uldn = planRequests(
      { ...plan, protocolId: "uldn-with-opioids", protocolVersion: 1 },
      "2027-01-04",
    )[0]!.dosageInstruction![0]!;
    expect(uldn.doseAndRate?.[0]?.doseQuantity).toMatchObject({ unit: "mcg", code: "ug" });
    expect(uldn.text).toMatch(/^\d+ mcg by mouth/);
  });
});
