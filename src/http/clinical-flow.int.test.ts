/** The clinical rules the server enforces: screening, the opioid alert, field errors, decisions. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

type ErrorBody = { error: { code: string; message: string; field?: string } };

const day = (date: string, ug: number, pain: number, sideEffects: string[] = []) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  sideEffects,
});

for (const dialect of DIALECTS) {
  describe(`clinical flow on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
    });
    afterEach(() => server.close());

    it("requires a recorded reason to plan LDN for a patient on opioids, and keeps it", async () => {
      const screening = { ...ELIGIBLE_SCREENING, opioids: ["oxycodone 10mg x3"] };
      const enrolled = await clinician.post<{
        id: string;
        screening: { result: { mme: { totalMmePerDay: number } } };
      }>("/api/patients", {
        displayName: "On Opioids",
        screening,
      });
      expect(enrolled.status).toBe(201);
      expect(enrolled.body.screening.result.mme.totalMmePerDay).toBe(45);
      const id = enrolled.body.id;
      const refused = await clinician.post<ErrorBody>(`/api/patients/${id}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.field).toBe("interactionReason");
      const accepted = await clinician.post<{ interactionAck: { reason: string } }>(
        `/api/patients/${id}/plans`,
        {
          protocolId: "micro-titration",
          startDate: "2027-01-04",
          interactionReason: "tapering oxycodone with pain team; reviewed with patient",
        },
      );
      expect(accepted.status).toBe(201);
      expect(accepted.body.interactionAck.reason).toContain("tapering");
      // Going on with a recorded reason acknowledges the interaction flag: it is no longer work
      // to do, and says who acknowledged it.
      const dashboard = await clinician.get<
        { attention: { code: string }[]; acknowledged: { code: string; byName: string | null }[] }[]
      >("/api/patients?today=2027-01-05");
      expect(dashboard.body[0]!.attention.map((a) => a.code)).not.toContain("opioid-interaction");
      expect(dashboard.body[0]!.acknowledged).toMatchObject([
        { code: "opioid-interaction", byName: "north clinician" },
      ]);
    });

    it("alerts the clinician, the dashboard and the patient while a patient screened on oxycodone titrates LDN", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "On Oxycodone", {
        ...ELIGIBLE_SCREENING,
        opioids: ["oxycodone 40mg/day"],
      });
      const plan = await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
        interactionReason: "tapering oxycodone with the pain team",
      });
      expect(plan.status).toBe(201);
      for (const date of ["2027-01-04", "2027-01-05"]) {
        await patient.post(`/api/patients/${patientId}/check-ins`, day(date, 100, 6), {
          "idempotency-key": `oxy-${date}`,
        });
      }
      type Alert = { code: string; label: string; date: string; message: string; patientMessage?: string };
      const assessment = await clinician.get<{ alerts: Alert[] }>(`/api/patients/${patientId}/assessment`);
      expect(assessment.body.alerts).toEqual([
        {
          code: "titrating-on-opioids",
          label: "titrating on opioids",
          date: "2027-01-05",
          message: expect.stringContaining("oxycodone (60 MME a day) recorded at screening"),
          patientMessage: expect.stringContaining("You also take oxycodone."),
        },
      ]);
      const today = await patient.get<{ alerts: Alert[] }>(
        `/api/patients/${patientId}/today?today=2027-01-06`,
      );
      expect(today.body.alerts.map((a) => [a.code, a.patientMessage])).toEqual([
        ["titrating-on-opioids", expect.stringContaining("call the clinic before your next dose")],
      ]);
      const dashboard = await clinician.get<
        { alerts: Alert[]; attention: { code: string; message: string }[] }[]
      >("/api/patients?today=2027-01-06");
      expect(dashboard.body[0]!.alerts.map((a) => a.code)).toEqual(["titrating-on-opioids"]);
      expect(dashboard.body[0]!.attention[0]).toMatchObject({
        code: "engine-alert",
        message: "Alert: titrating on opioids",
      });
      // Pharmacists see no engine state, so no alerts either.
      const pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
      const theirs = await pharmacist.get<{ alerts: Alert[]; attention: unknown[] }[]>(
        "/api/patients?today=2027-01-06",
      );
      expect(theirs.body[0]!.alerts).toEqual([]);
      expect(theirs.body[0]!.attention).toEqual([]);
      // The OpenAPI document describes the alerts of each response that carries them.
      const openapi = await clinician.get<{
        paths: Record<
          string,
          { get: { responses: { 200: { content: { "application/json": { schema: unknown } } } } } }
        >;
      }>("/api/openapi.json");
      for (const path of [
        "/api/patients/{patientId}/assessment",
        "/api/patients/{patientId}/today",
        "/api/patients",
      ]) {
        const schema = JSON.stringify(
          openapi.body.paths[path]!.get.responses[200].content["application/json"].schema,
        );
        expect(schema, path).toContain('"alerts"');
        expect(schema, path).toContain('"titrating-on-opioids"');
      }
    });

    it("answers an empty list of alerts for a patient on no opioids", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      await patient.post(`/api/patients/${patientId}/check-ins`, day("2027-01-04", 100, 6), {
        "idempotency-key": "no-opioids-1",
      });
      expect(
        (await patient.get<{ alerts: unknown[] }>(`/api/patients/${patientId}/assessment`)).body.alerts,
      ).toEqual([]);
      expect(
        (await patient.get<{ alerts: unknown[] }>(`/api/patients/${patientId}/today?today=2027-01-05`)).body
          .alerts,
      ).toEqual([]);
    });

    it("refuses settings outside a protocol's limits, naming the setting", async () => {
      const { patientId } = await enrolAndJoin(server, clinician, "R. Jones");
      const res = await clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, {
        protocolId: "uldn-with-opioids",
        startDate: "2027-01-04",
        settings: { dosePerAdministration: "1 mg" },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain("dosePerAdministration");
    });

    it("names the field of a bad check-in and stores nothing", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      const bad = await patient.post<ErrorBody>(
        `/api/patients/${patientId}/check-ins`,
        day("2027-01-04", 100, 11),
        { "idempotency-key": "bad-check-in-1" },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_request");
      expect(bad.body.error.field).toBe("body.pain");
      expect(bad.body.error.message).toContain("0 to 10");
      const noKey = await patient.post<ErrorBody>(
        `/api/patients/${patientId}/check-ins`,
        day("2027-01-04", 100, 5),
      );
      expect(noKey.status).toBe(400);
      expect(noKey.body.error.field).toBe("Idempotency-Key");
      // A key no phone makes is the same kind of mistake: the request is malformed.
      const badKey = await patient.post<ErrorBody>(
        `/api/patients/${patientId}/check-ins`,
        day("2027-01-04", 100, 5),
        { "idempotency-key": "short" },
      );
      expect([badKey.status, badKey.body.error.code, badKey.body.error.field]).toEqual([
        400,
        "invalid_request",
        "Idempotency-Key",
      ]);
      expect((await clinician.get<unknown[]>(`/api/patients/${patientId}/check-ins`)).body).toHaveLength(0);
    });

    it("replays a clinician's override in the engine, and records who decided and why", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const [i, date] of ["2027-01-04", "2027-01-05", "2027-01-06"].entries()) {
        await patient.post(`/api/patients/${patientId}/check-ins`, day(date, i < 2 ? 100 : 200, 6), {
          "idempotency-key": `flow-${date}`,
        });
      }
      const before = await clinician.get<{
        next: { totalUg: number };
        reasonData: { code: string; date: string; values?: Record<string, number> }[];
      }>(`/api/patients/${patientId}/assessment`);
      expect(before.body.next.totalUg).toBe(200);
      // The reasons as data, for other systems: a code, the date and the numbers by name.
      expect(before.body.reasonData.at(-1)).toMatchObject({
        code: "level-incomplete",
        date: "2027-01-06",
        values: { levelUg: 200, days: 1, daysNeeded: 2 },
      });
      const missingReason = await clinician.post<ErrorBody>(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        instead: { kind: "set-dose", totalUg: 100 },
      });
      expect(missingReason.status).toBe(422);
      expect(missingReason.body.error.field).toBe("reason");
      const decided = await clinician.post<{ decidedBy: string; reason: string }>(
        `/api/patients/${patientId}/decisions`,
        {
          decision: "override",
          reason: "back to the previous dose while her flare settles",
          instead: { kind: "set-dose", totalUg: 100 },
        },
      );
      expect(decided.status).toBe(201);
      expect(decided.body.decidedBy).toBe(north.staff.clinician.id);
      const after = await clinician.get<{ next: { totalUg: number } }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(after.body.next.totalUg).toBe(100);
      const trail = await clinician.get<{ reason: string }[]>(`/api/patients/${patientId}/decisions`);
      expect(trail.body.map((d) => d.reason)).toEqual(["back to the previous dose while her flare settles"]);
    });

    it("shows the patient today's and tomorrow's doses, with food advice after stomach upset", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      await patient.post(`/api/patients/${patientId}/check-ins`, day("2027-01-04", 100, 6, ["gi-upset"]), {
        "idempotency-key": "today-check-in-1",
      });
      const res = await patient.get<{
        today: { totalUg: number };
        tomorrow: { totalUg: number; total: string };
        instructions: string[];
      }>(`/api/patients/${patientId}/today?today=2027-01-05`);
      expect(res.status).toBe(200);
      expect(res.body.today.totalUg).toBe(100);
      expect(res.body.tomorrow.total).toMatch(/^0\.\d mg$/);
      expect(res.body.instructions.join(" ")).toContain("with food");
    });

    it("schedules and compounds the doses the patient takes once the MED is set, not the protocol as written", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const date of ["2027-01-04", "2027-01-05", "2027-01-06"]) {
        await patient.post(`/api/patients/${patientId}/check-ins`, day(date, 100, 5), {
          "idempotency-key": `sched-${date}`,
        });
      }
      const set = await clinician.post(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        reason: "MED agreed at review",
        instead: { kind: "set-med", totalUg: 100 },
      });
      expect(set.status).toBe(201);
      const later = await clinician.get<{ days: { totalUg: number }[] }>(
        `/api/patients/${patientId}/schedule?from=2027-02-01&days=7`,
      );
      expect(later.body.days.map((d) => d.totalUg)).toEqual([100, 100, 100, 100, 100, 100, 100]);
      const fill = await clinician.get<{ strengths: { ug: number; quantity: number }[] }>(
        `/api/patients/${patientId}/compounding?fillStart=2027-02-01&days=28`,
      );
      expect(fill.body.strengths).toEqual([expect.objectContaining({ ug: 100, quantity: 28 })]);
      const asWritten = await clinician.get<{ days: { totalUg: number }[] }>(
        `/api/patients/${patientId}/schedule?days=3`,
      );
      expect(asWritten.body.days.map((d) => d.totalUg)).toEqual([100, 100, 200]);
    });

    it("prints the patient's schedule as a PDF", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      const res = await server.app.request(
        `http://ldn.test/api/patients/${patientId}/schedule.pdf?from=2027-01-04&days=14`,
        {
          headers: { cookie: patient.cookie! },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
      expect(bytes.length).toBeGreaterThan(2000);
    });

    it("scores a questionnaire on entry and names a wrong item", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
      const ok = await patient.post<{ scores: { scores: { id: string; value?: number }[] } }>(
        `/api/patients/${patientId}/questionnaires`,
        {
          instrument: "bpi",
          answeredOn: "2027-01-04",
          answers: { worst: 8, least: 2, average: 5, now: 5 },
        },
      );
      expect(ok.status).toBe(201);
      const severity = ok.body.scores.scores.find((s) => s.id === "severity");
      expect(severity?.value).toBe(5);
      const bad = await patient.post<ErrorBody>(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-01-04",
        answers: { worst: 12 },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.error).toEqual({
        code: "invalid_argument",
        message: "body.answers.worst: must be a whole number from 0 to 10 (got 12)",
        field: "body.answers.worst",
      });
    });
  });
}
