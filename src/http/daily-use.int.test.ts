/**
 * What clinicians, pharmacists and patients see every day must be the record itself: the
 * pharmacist's dose today is the engine's, one diary entry per day with its corrections kept,
 * dose ticks saved as they are ticked, one decision per recommendation.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

/** Noon on 2027-01-10 in the server's zone: the tests' "today". */
const NOW = new Date(2027, 0, 10, 12);
const clock = { now: () => NOW };

interface Summary {
  id: string;
  state: string | null;
  todayUg: number | null;
  today: string | null;
  lastCheckIn: string | null;
  alerts: unknown[];
}

const day = (date: string, ug: number, pain: number) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  sideEffects: [],
});

for (const dialect of DIALECTS) {
  describe(`daily use on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;
    let pharmacist: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
    });
    afterEach(() => server.close());

    it("gives the pharmacist the same dose today and state as the clinician, a stopped patient included", async () => {
      const titrating = await enrolAndJoin(server, clinician, "T. Titrating");
      const stopped = await enrolAndJoin(server, clinician, "S. Stopped");
      for (const { patientId, patient } of [titrating, stopped]) {
        const plan = await clinician.post(`/api/patients/${patientId}/plans`, {
          protocolId: "micro-titration",
          startDate: "2027-01-02",
        });
        expect(plan.status).toBe(201);
        // Eight days on the protocol's doses: the engine has moved on from day 1's 0.1 mg.
        for (let d = 2; d <= 9; d++) {
          const date = `2027-01-0${d}`;
          const today = await patient.get<{ today: { totalUg: number } }>(
            `/api/patients/${patientId}/today?today=${date}`,
          );
          const res = await patient.post(
            `/api/patients/${patientId}/check-ins`,
            day(date, today.body.today.totalUg, 6),
            { "idempotency-key": `daily-${patientId}-${date}` },
          );
          expect(res.status).toBe(201);
        }
      }
      const stop = await clinician.post(`/api/patients/${stopped.patientId}/decisions`, {
        decision: "override",
        reason: "nausea every day; patient wants to stop",
        instead: { kind: "stop" },
      });
      expect(stop.status).toBe(201);

      const theirs = await clinician.get<Summary[]>("/api/patients");
      const ours = await pharmacist.get<Summary[]>("/api/patients");
      expect(ours.status).toBe(200);
      const byId = (list: Summary[], id: string) => list.find((p) => p.id === id)!;
      const t = byId(ours.body, titrating.patientId);
      expect(t.todayUg).toBe(byId(theirs.body, titrating.patientId).todayUg);
      expect(t.todayUg).toBeGreaterThan(100);
      expect(t.state).toBe("titrating");
      const s = byId(ours.body, stopped.patientId);
      expect(s).toMatchObject({ state: "stopped", todayUg: 0 });
      expect(byId(theirs.body, stopped.patientId)).toMatchObject({ state: "stopped", todayUg: 0 });
      // The engine's dose, not the diary: no check-in dates or alerts for the pharmacist.
      expect(t).toMatchObject({ lastCheckIn: null, alerts: [] });
      // The patient's phone says the same dose as the pharmacist's list.
      const phone = await titrating.patient.get<{ today: { totalUg: number } }>(
        `/api/patients/${titrating.patientId}/today?today=2027-01-10`,
      );
      expect(phone.body.today.totalUg).toBe(t.todayUg);
    });
  });
}
