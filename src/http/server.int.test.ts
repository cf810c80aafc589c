/** The clinic server end to end through HTTP, on every database. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type ClinicFixture,
  type TestServer,
} from "./testing/test-server.ts";

for (const dialect of DIALECTS) {
  describe(`clinic server on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
      north = await seedClinic(server.store, "north");
    });
    afterEach(() => server.close());

    it("signs a clinician in, enrols a patient who joins by invitation and checks in once per key", async () => {
      const clinician = server.client();
      expect((await clinician.login(north.staff.clinician.email)).status).toBe(200);
      const { patientId, patient, loginCode } = await enrolAndJoin(server, clinician, "R. Jones");
      expect(loginCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const plan = await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      expect(plan.status).toBe(201);
      const day = { date: "2027-01-04", doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] };
      const first = await patient.post(`/api/patients/${patientId}/check-ins`, day, {
        "idempotency-key": "key-0001-abcdef",
      });
      const again = await patient.post(`/api/patients/${patientId}/check-ins`, day, {
        "idempotency-key": "key-0001-abcdef",
      });
      expect([first.status, again.status]).toEqual([201, 200]);
      const list = await clinician.get<unknown[]>(`/api/patients/${patientId}/check-ins`);
      expect(list.body).toHaveLength(1);
      const assessment = await clinician.get<{ state: string; next: { totalUg: number } }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(assessment.body.state).toBe("titrating");
      expect(assessment.body.next.totalUg).toBe(100);
    });
  });
}
