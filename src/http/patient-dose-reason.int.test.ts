/**
 * What the patient's phone reads on the assessment (issue 12), over HTTP on every database:
 * why the dose is what it is, whether the clinician confirmed it (an override in words), and
 * whether an outcome questionnaire is due.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

interface ForPatient {
  forPatient: {
    why: string;
    confirmed: string;
    questionnaireDue: { kind: string; since: string } | null;
  };
}

const day = (date: string, ug: number, pain: number) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  sideEffects: [],
});

for (const dialect of DIALECTS) {
  describe(`the patient's dose sentence on ${dialect}`, () => {
    let server: TestServer;
    let clinician: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
      const north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
    });
    afterEach(() => server.close());

    it("tells the patient why, what the clinician decided, and that a questionnaire is due until one is answered", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "P. Hone");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const [i, date] of ["2027-01-04", "2027-01-05", "2027-01-06"].entries())
        await patient.post(`/api/patients/${patientId}/check-ins`, day(date, i < 2 ? 100 : 200, 6), {
          "idempotency-key": `reason-${date}`,
        });
      const path = `/api/patients/${patientId}/assessment`;
      const before = await patient.get<ForPatient>(path);
      expect(before.status).toBe(200);
      expect(before.body.forPatient).toEqual({
        why: "Your dose stays at 0.2 mg a day for now: each dose is kept for a few days before the next step.",
        confirmed: "This follows the plan your clinician set.",
        questionnaireDue: { kind: "start", since: "2027-01-04" },
      });

      const decided = await clinician.post(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        reason: "back to the previous dose while her flare settles",
        instead: { kind: "set-dose", totalUg: 100 },
      });
      expect(decided.status).toBe(201);
      const answered = await patient.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-01-10",
        answers: { worst: 7, least: 3, average: 5, now: 5 },
      });
      expect(answered.status).toBe(201);
      const after = await patient.get<ForPatient>(path);
      expect(after.body.forPatient.confirmed).toBe("Your clinician decided to set the daily dose to 0.1 mg.");
      expect(after.body.forPatient.why).toContain("0.1 mg a day");
      expect(after.body.forPatient.questionnaireDue).toBeNull();
    });
  });
}
