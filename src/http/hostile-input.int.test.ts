/**
 * Hostile input answered with a clear 4xx naming the field, never a 500, and nothing stored
 * changed, on SQLite and PostgreSQL (issue 13, items 6, 7 and the lone surrogate of 9).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import { storedRows } from "./testing/stored-rows.ts";
import {
  ELIGIBLE_SCREENING,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

const INHERITED = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

const clock = { now: () => new Date("2027-01-10T09:00:00Z") };

for (const dialect of DIALECTS)
  describe(`hostile input on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;
    let admin: TestClient;
    let patientId: string;
    let patient: TestClient;

    /** Sends `text` as the JSON body, as is (a test client would stringify it first). */
    const raw = async (client: TestClient | null, method: string, path: string, text: string) => {
      const res = await server.app.request(`http://ldn.test${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          "idempotency-key": "raw-request-key-1",
          ...(client?.cookie ? { cookie: client.cookie } : {}),
        },
        body: text,
      });
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };

    /** Runs `send`, expects `status` naming `field`, and that nothing stored changed. */
    const refused = async (
      send: () => Promise<{ status: number; body: unknown }>,
      status: number,
      field: string,
    ) => {
      const before = await storedRows(server.database);
      const res = await send();
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect((res.body as ErrorBody).error.field).toBe(field);
      expect(await storedRows(server.database)).toBe(before);
      return (res.body as ErrorBody).error;
    };

    beforeAll(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      admin = server.client();
      await admin.login(north.staff.administrator.email);
      ({ patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones"));
    });
    afterAll(() => server.close());

    it.each(INHERITED)('refuses the questionnaire instrument "%s" with 422 naming it', async (name) => {
      const error = await refused(
        () =>
          clinician.post(`/api/patients/${patientId}/questionnaires`, {
            instrument: name,
            answeredOn: "2027-01-05",
            answers: {},
          }),
        422,
        "body.instrument",
      );
      expect(error.message).toContain(JSON.stringify(name));
    });

    it.each(INHERITED)('refuses a plan dose of "3000 %s" with 422 naming the setting', async (name) => {
      const error = await refused(
        () =>
          clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "conventional-titration",
            startDate: "2027-01-04",
            settings: { startDose: `3000 ${name}` },
          }),
        422,
        "body.settings.startDose",
      );
      expect(error.message).toContain(`unknown unit "${name}"`);
    });

    it("refuses JSON nested 5,000 deep with 400, on any route with a body, without overflowing", async () => {
      const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
      const checkIn = `{"date":"2027-01-05","doses":[],"pain":${deep},"sideEffects":[]}`;
      for (const [client, path] of [
        [patient, `/api/patients/${patientId}/check-ins`],
        [clinician, "/api/patients"],
        [null, "/api/session"],
      ] as const) {
        const error = await refused(() => raw(client, "POST", path, checkIn), 400, "body");
        expect(error.message).toContain("nested deeper than 32 levels");
      }
    });

    it("refuses a NUL character with 400 naming the field: login, name, audit filter, path id", async () => {
      const nul = "a\u0000b";
      await refused(() => server.client().login(`x${nul}@north.example`, "whatever"), 400, "body.login");
      await refused(
        () => server.client().login(north.staff.clinician.email, `password${nul}`),
        400,
        "body.password",
      );
      await refused(
        () => clinician.post("/api/patients", { displayName: nul, screening: ELIGIBLE_SCREENING }),
        400,
        "body.displayName",
      );
      await refused(
        () => admin.get(`/api/audit?patientId=${encodeURIComponent(nul)}`),
        400,
        "query.patientId",
      );
      await refused(() => clinician.get(`/api/patients/${encodeURIComponent(nul)}`), 400, "params.patientId");
      const error = await refused(
        () =>
          patient.post(
            `/api/patients/${patientId}/check-ins`,
            { date: "2027-01-05", doses: [], pain: 4, sideEffects: [], note: `note ${nul}` },
            { "idempotency-key": "nul-note-key-1" },
          ),
        400,
        "body.note",
      );
      expect(error.message).toBe('body.note: must not contain NUL characters (got "note a\\u0000b")');
    });

    it("refuses a lone UTF-16 surrogate with 400 naming the field, and stores paired ones", async () => {
      await refused(
        () => clinician.post("/api/patients", { displayName: "Jo \ud800", screening: ELIGIBLE_SCREENING }),
        400,
        "body.displayName",
      );
      await refused(
        () => raw(clinician, "POST", "/api/patients", `{"displayName":"Jo \\udc00","screening":{}}`),
        400,
        "body.displayName",
      );
      const emoji = await clinician.post<{ displayName: string }>("/api/patients", {
        displayName: "Jo \ud83d\ude00",
        screening: ELIGIBLE_SCREENING,
      });
      expect([emoji.status, emoji.body.displayName]).toEqual([201, "Jo \u{1f600}"]);
    });

    it("refuses __proto__ as a field name, where it would have changed an object's prototype", async () => {
      await refused(
        () =>
          raw(
            clinician,
            "POST",
            `/api/patients/${patientId}/plans`,
            `{"protocolId":"conventional-titration","startDate":"2027-01-04","settings":{"__proto__":["x"]}}`,
          ),
        400,
        "body.settings.__proto__",
      );
    });

    it("refuses an Idempotency-Key reused for a different check-in with 409 naming the key", async () => {
      const key = "same-key-for-two-days";
      const day = { date: "2027-01-06", doses: [], pain: 5, sideEffects: [] };
      const first = await patient.post(`/api/patients/${patientId}/check-ins`, day, {
        "idempotency-key": key,
      });
      expect(first.status).toBe(201);
      const retry = await patient.post(`/api/patients/${patientId}/check-ins`, day, {
        "idempotency-key": key,
      });
      expect(retry.status).toBe(200);
      const error = await refused(
        () =>
          patient.post(
            `/api/patients/${patientId}/check-ins`,
            { ...day, pain: 8 },
            { "idempotency-key": key },
          ),
        409,
        "Idempotency-Key",
      );
      expect(error.code).toBe("conflict");
      expect(error.message).toContain(`"${key}" was already used for a different check-in`);
      const diary = await patient.get<{ checkIn: { pain: number } }[]>(
        `/api/patients/${patientId}/check-ins`,
      );
      expect(diary.body.map((e) => e.checkIn.pain)).toEqual([5]);
    });
  });
