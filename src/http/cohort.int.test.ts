/** The clinic's cohort analysis from its own patients' MEDs and questionnaires. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type TestServer,
} from "./testing/test-server.ts";

describe("cohort analysis over the clinic's patients", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer("sqlite", { clock: TEST_TODAY_CLOCK });
  });
  afterEach(() => server.close());

  it("pairs BPI before the plan with BPI 4 weeks after the MED, and reports the MEDs", async () => {
    const north = await seedClinic(server.store, "north");
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const pain = [
      [7, 4],
      [6, 3],
      [8, 6],
    ] as const;
    for (const [i, [pre, post]] of pain.entries()) {
      const { patientId, patient } = await enrolAndJoin(server, clinician, `P${i}`);
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const date of ["2027-01-04", "2027-01-05"]) {
        const body = { date, doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] };
        await patient.post(`/api/patients/${patientId}/check-ins`, body, {
          "idempotency-key": `cohort-${i}-${date}`,
        });
      }
      const set = await clinician.post(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        reason: "MED agreed at review",
        instead: { kind: "set-med", totalUg: 100 * (i + 1) },
      });
      expect(set.status).toBe(201);
      const bpi = (v: number) => ({ worst: v, least: v, average: v, now: v });
      await clinician.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-01-03",
        answers: bpi(pre),
      });
      await clinician.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-02-10",
        answers: bpi(post),
      });
    }
    const res = await clinician.get<{
      patients: number;
      outcomes: { scale: string; n: number; improvement: { mean: number } }[];
      medHistogram: { n: number };
    }>("/api/cohort");
    expect(res.status).toBe(200);
    expect(res.body.patients).toBe(3);
    const bpiPain = res.body.outcomes.find((o) => o.scale === "bpi_pain")!;
    expect(bpiPain.n).toBe(3);
    expect(bpiPain.improvement.mean).toBeCloseTo((3 + 3 + 2) / 3, 10);
    expect(res.body.medHistogram.n).toBe(3);
    // The clinician chose these MEDs: nothing waits for review, and outcome questionnaires are done.
    const dashboard = await clinician.get<{ state: string; attention: { code: string }[] }[]>(
      "/api/patients?today=2027-02-20",
    );
    expect(dashboard.body.map((p) => p.state)).toEqual(["med", "med", "med"]);
    expect(
      dashboard.body.flatMap((p) => p.attention.map((a) => a.code)).filter((c) => c !== "missed-week"),
    ).toEqual([]);
  });
});
