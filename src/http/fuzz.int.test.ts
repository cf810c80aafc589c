/**
 * The fuzz suite (issue 13): every route's body, query and path parameters with hostile values
 * made by fast-check from its zod schemas (testing/hostile-requests.ts), sent as a caller the
 * route allows, on SQLite and PostgreSQL. Every answer must be below 500, every error the
 * server's JSON error, and a refused request (4xx) must leave everything stored but the audit
 * trail exactly as it was.
 *
 * The seed is fixed so CI runs the same requests each time; LDN_FUZZ_SEED and LDN_FUZZ_RUNS (per
 * route) run others and more. The counts of each run are printed.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDefinition } from "./route.ts";
import { ROUTES } from "./routes/index.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  hostileRequests,
  sweepRequests,
  type HostileRequest,
  type RouteSample,
} from "./testing/hostile-requests.ts";
import { storedRows } from "./testing/stored-rows.ts";
import {
  ELIGIBLE_SCREENING,
  TEST_PASSWORD,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestServer,
} from "./testing/test-server.ts";

const SEED = Number(process.env.LDN_FUZZ_SEED ?? 13);
const RUNS = Number(process.env.LDN_FUZZ_RUNS ?? 10);
const clock = { now: () => new Date("2027-01-10T09:00:00Z") };

type Caller = "anonymous" | "administrator" | "clinician" | "patient";

interface Fixture {
  readonly patientId: string;
  readonly victimStaffId: string;
}

/** A valid request per route (`METHOD path`); a route without one is fuzzed from its schema alone. */
const SAMPLES: Readonly<Record<string, (f: Fixture) => RouteSample>> = {
  "POST /api/session": () => ({ body: { login: "clinician@north.example", password: "not the password" } }),
  "POST /api/me/password": () => ({
    body: { currentPassword: "not the password", newPassword: "a new password" },
  }),
  "POST /api/invitations/accept": () => ({ body: { token: "x".repeat(43), password: TEST_PASSWORD } }),
  "POST /api/invitations/clinic": () => ({ body: { token: "x".repeat(43) } }),
  "POST /api/staff": () => ({
    body: {
      email: `fuzz-${randomUUID()}@north.example`,
      displayName: "F. Uzz",
      role: "pharmacist",
      password: TEST_PASSWORD,
    },
  }),
  "POST /api/staff/:staffId/disable": (f) => ({ params: { staffId: f.victimStaffId }, body: {} }),
  "GET /api/patients": () => ({ query: { today: "2027-01-10" } }),
  "POST /api/patients": () => ({ body: { displayName: "F. Uzz", screening: ELIGIBLE_SCREENING } }),
  "POST /api/patients/:patientId/screening": (f) => ({
    params: { patientId: f.patientId },
    body: ELIGIBLE_SCREENING,
  }),
  "POST /api/patients/:patientId/plans": (f) => ({
    params: { patientId: f.patientId },
    body: {
      protocolId: "conventional-titration",
      settings: { startDose: "1 mg", intervalDays: 7, times: ["21:00"] },
      startDate: "2027-01-04",
      detector: "robust",
      interactionReason: "fuzz",
    },
  }),
  "GET /api/patients/:patientId/schedule": (f) => ({
    params: { patientId: f.patientId },
    query: { from: "2027-01-04", days: "14" },
  }),
  "GET /api/patients/:patientId/schedule.pdf": (f) => ({
    params: { patientId: f.patientId },
    query: { from: "2027-01-04", days: "14", clinicPhone: "555 0100" },
  }),
  "GET /api/patients/:patientId/today": (f) => ({
    params: { patientId: f.patientId },
    query: { today: "2027-01-10" },
  }),
  "GET /api/patients/:patientId/compounding": (f) => ({
    params: { patientId: f.patientId },
    query: { fillStart: "2027-01-10", days: "30" },
  }),
  "POST /api/patients/:patientId/check-ins": (f) => ({
    params: { patientId: f.patientId },
    body: {
      date: "2027-01-08",
      doses: [{ time: "08:00", ug: 100 }],
      pain: 5,
      mood: 6,
      energy: 5,
      clarity: 7,
      sideEffects: ["insomnia"],
      impression: "better",
      note: "slept badly",
    },
    headers: { "idempotency-key": `fuzz-${randomUUID()}` },
  }),
  "POST /api/patients/:patientId/doses": (f) => ({
    params: { patientId: f.patientId },
    body: { date: "2027-01-08", time: "08:00", taken: true },
  }),
  "GET /api/patients/:patientId/assessment": (f) => ({
    params: { patientId: f.patientId },
    query: { asOf: "2027-01-08" },
  }),
  "POST /api/patients/:patientId/decisions": (f) => ({
    params: { patientId: f.patientId },
    body: {
      asOf: "2027-01-08",
      decision: "override",
      reason: "fuzz",
      instead: { kind: "set-dose", totalUg: 700 },
    },
  }),
  "POST /api/patients/:patientId/questionnaires": (f) => ({
    params: { patientId: f.patientId },
    body: {
      instrument: "bpi",
      answeredOn: "2027-01-05",
      answers: { worst: 7, least: 2, average: 5, now: 4 },
    },
  }),
  "GET /api/audit": (f) => ({ query: { patientId: f.patientId, limit: "10", beforeId: "1000" } }),
  "PUT /api/clinic/settings": () => ({
    body: {
      name: "North Clinic",
      phone: "555 0100",
      smtp: { host: "smtp.north.example", port: 587, secure: false, user: "ldn", from: "ldn@north.example" },
    },
  }),
  "GET /api/patients/:patientId/calendar": (f) => ({ params: { patientId: f.patientId } }),
  "POST /api/patients/:patientId/calendar": (f) => ({ params: { patientId: f.patientId }, body: {} }),
  "DELETE /api/patients/:patientId/calendar": (f) => ({ params: { patientId: f.patientId } }),
  "GET /api/calendar/:feed": () => ({ params: { feed: `${"x".repeat(43)}.ics` } }),
  "GET /api/patients/:patientId/reminders": (f) => ({ params: { patientId: f.patientId } }),
  "PUT /api/patients/:patientId/reminders": (f) => ({
    params: { patientId: f.patientId },
    body: { email: "fuzz@example.org", doseReminders: true, questionnaireNotices: false },
  }),
};

const keyOf = (r: RouteDefinition) => `${r.method.toUpperCase()} ${r.path}`;

/** Who sends a route's requests: someone it allows, so the hostile input gets past the access check. */
function callerFor(route: RouteDefinition): Caller {
  // Signing out would end the session every other request uses.
  if (keyOf(route) === "DELETE /api/session") return "anonymous";
  const access = route.access as { kind: string; roles?: readonly string[]; self?: boolean };
  if (access.kind === "public") return "anonymous";
  if (access.kind === "signed-in") return "clinician";
  if (access.roles?.includes("clinician")) return "clinician";
  if (access.roles?.includes("administrator")) return "administrator";
  return access.self ? "patient" : "clinician";
}

for (const dialect of DIALECTS)
  describe(`fuzzing every route on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    const cookies = new Map<Caller, string | undefined>();
    let fixture: Fixture;
    const statuses = new Map<string, Map<number, number>>();

    beforeAll(async () => {
      server = await startTestServer(dialect, {
        clock,
        settings: { loginFailures: 1_000_000, loginAddressFailures: 1_000_000 },
      });
      north = await seedClinic(server.store, "north");
      const login = async (email: string) => {
        const c = server.client();
        expect((await c.login(email)).status).toBe(200);
        return c;
      };
      const clinician = await login(north.staff.clinician.email);
      const admin = await login(north.staff.administrator.email);
      const { patientId, patient } = await enrolAndJoin(server, clinician, "Z. Fuzz");
      expect(
        (
          await clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "micro-titration",
            startDate: "2027-01-04",
          })
        ).status,
      ).toBe(201);
      for (const [i, date] of ["2027-01-05", "2027-01-06", "2027-01-07"].entries()) {
        const res = await patient.post(
          `/api/patients/${patientId}/check-ins`,
          { date, doses: [{ time: "08:00", ug: 100 * (i + 1) }], pain: 6 - i, sideEffects: [] },
          { "idempotency-key": `fuzz-seed-${i}-aaaa` },
        );
        expect(res.status).toBe(201);
      }
      const victim = await admin.post<{ id: string }>("/api/staff", {
        email: "victim@north.example",
        displayName: "V. Ictim",
        role: "pharmacist",
        password: TEST_PASSWORD,
      });
      fixture = { patientId, victimStaffId: victim.body.id };
      cookies
        .set("anonymous", undefined)
        .set("administrator", admin.cookie)
        .set("clinician", clinician.cookie)
        .set("patient", patient.cookie);
    });

    afterAll(async () => {
      const total = new Map<number, number>();
      let requests = 0;
      for (const counts of statuses.values())
        for (const [status, n] of counts) {
          total.set(status, (total.get(status) ?? 0) + n);
          requests += n;
        }
      const summary = [...total].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
      console.log(
        `fuzz on ${dialect} (every field swept, then ${RUNS} random per route, seed ${SEED}): ${requests} requests over ${statuses.size} routes; ${summary.join(", ")}`,
      );
      await server.close();
    });

    const sampleFor = (key: string): RouteSample => SAMPLES[key]?.(fixture) ?? {};

    async function send(request: HostileRequest, caller: Caller) {
      const cookie = cookies.get(caller);
      const res = await server.app.request(`http://ldn.test${request.url}`, {
        method: request.method,
        headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const text = await res.text();
      return { status: res.status, text, type: res.headers.get("content-type") ?? "" };
    }

    for (const route of ROUTES) {
      const key = keyOf(route);
      it(`${key}: hostile input answered below 500, refusals change nothing`, async () => {
        const caller = callerFor(route);
        const counts = new Map<number, number>();
        statuses.set(key, counts);
        let stored = await storedRows(server.database);
        const check = async (request: HostileRequest) => {
          const res = await send(request, caller);
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
          const what = `${request.method} ${request.url.slice(0, 200)} as ${caller} after ${request.mutations.join("; ")} -> ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          const after = await storedRows(server.database);
          if (res.status >= 400) {
            expect(res.type, what).toContain("application/json");
            const error = (JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } }).error;
            expect(typeof error?.code, what).toBe("string");
            expect(typeof error?.message, what).toBe("string");
            expect(after === stored, `stored data changed on a refusal: ${what}`).toBe(true);
          }
          stored = after;
        };
        // Every field with each kind of hostile value, then random combinations.
        for (const request of sweepRequests(route, sampleFor(key))) await check(request);
        await fc.assert(
          fc.asyncProperty(
            fc.constant(null).chain(() => hostileRequests(route, sampleFor(key))),
            check,
          ),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      });
    }
  });
