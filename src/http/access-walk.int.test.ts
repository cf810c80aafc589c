/**
 * The access walk: every route, called by every kind of person, about their own records, another
 * patient's in the same clinic, a patient of another clinic, and a patient who does not exist.
 * It proves that a patient reaches only their own records and a staff member only their clinic's,
 * that a refused record looks exactly like a missing one, that every refusal and every patient
 * read or write is audited, and it fails when a route is added without a sample request here
 * (and so without its access rule being walked).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAccess } from "./access.ts";
import type { RouteDefinition } from "./route.ts";
import { ROUTES } from "./routes/index.ts";
import type { Principal } from "./principal.ts";
import {
  ELIGIBLE_SCREENING,
  TEST_PASSWORD,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestServer,
} from "./testing/test-server.ts";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";

type Who =
  | "anonymous"
  | "administrator"
  | "clinician"
  | "pharmacist"
  | "patientA"
  | "patientB"
  | "otherClinician"
  | "otherPatient";
type Target = "A" | "B" | "other" | "missing";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** A request that should succeed for someone allowed, per route (`METHOD path`). */
const SAMPLES: Readonly<Record<string, (n: number) => { body?: unknown; headers?: Record<string, string> }>> =
  {
    "GET /api/health": () => ({}),
    "GET /api/openapi.json": () => ({}),
    "POST /api/session": () => ({ body: { login: "nobody@nowhere.example", password: "not the password" } }),
    "DELETE /api/session": () => ({}),
    "GET /api/me": () => ({}),
    "POST /api/me/password": () => ({
      body: { currentPassword: "not the password", newPassword: "a new password" },
    }),
    "POST /api/invitations/accept": () => ({ body: { token: "x".repeat(43), password: TEST_PASSWORD } }),
    "POST /api/invitations/clinic": () => ({ body: { token: "x".repeat(43) } }),
    "GET /api/staff": () => ({}),
    "POST /api/staff": (n) => ({
      body: {
        email: `new${n}@north.example`,
        displayName: "New Staff",
        role: "pharmacist",
        password: TEST_PASSWORD,
      },
    }),
    "POST /api/staff/:staffId/disable": () => ({ body: {} }),
    "GET /api/patients": () => ({}),
    "POST /api/patients": (n) => ({ body: { displayName: `Walk ${n}`, screening: ELIGIBLE_SCREENING } }),
    "GET /api/patients/:patientId": () => ({}),
    "POST /api/patients/:patientId/screening": () => ({ body: ELIGIBLE_SCREENING }),
    "GET /api/patients/:patientId/screening-history": () => ({}),
    "POST /api/patients/:patientId/invitations": () => ({ body: {} }),
    // Nothing is raised for the walk's patients: an allowed caller is answered 409, audited.
    "POST /api/patients/:patientId/attention": () => ({ body: { code: "side-effect", facts: [] } }),
    "GET /api/protocols": () => ({}),
    "GET /api/patients/:patientId/plans": () => ({}),
    "POST /api/patients/:patientId/plans": () => ({
      body: { protocolId: "micro-titration", startDate: "2027-01-04" },
    }),
    "GET /api/patients/:patientId/schedule": () => ({}),
    "GET /api/patients/:patientId/today": () => ({}),
    "GET /api/patients/:patientId/schedule.pdf": () => ({}),
    "GET /api/patients/:patientId/compounding": () => ({}),
    "GET /api/pharmacy/queue": () => ({}),
    "GET /api/patients/:patientId/fills": () => ({}),
    // Not the fill due (the walk's patients' fills start on the clinic's "today"): an allowed
    // pharmacist is answered 409, audited, and nothing is dispensed.
    "POST /api/patients/:patientId/fills": (n) => ({
      body: { fillStart: "2027-01-04", strengths: [{ ug: 100, quantity: 1 }] },
      headers: { "idempotency-key": `walk-fill-${n}-${randomUUID()}` },
    }),
    "GET /api/patients/:patientId/order.pdf": () => ({}),
    "POST /api/patients/:patientId/check-ins": (n) => ({
      body: { date: "2027-01-05", doses: [{ time: "08:00", ug: 100 }], pain: 5, sideEffects: [] },
      headers: { "idempotency-key": `walk-${n}-${randomUUID()}` },
    }),
    "GET /api/patients/:patientId/check-ins": () => ({}),
    "POST /api/patients/:patientId/doses": () => ({
      body: { date: "2027-01-05", time: "08:00", taken: true },
    }),
    "GET /api/patients/:patientId/assessment": () => ({}),
    "POST /api/patients/:patientId/decisions": () => ({ body: { decision: "accept" } }),
    "GET /api/patients/:patientId/decisions": () => ({}),
    "GET /api/patients/:patientId/questionnaires": () => ({}),
    "POST /api/patients/:patientId/questionnaires": () => ({
      body: {
        instrument: "bpi",
        answeredOn: "2027-01-05",
        answers: { worst: 7, least: 2, average: 5, now: 4 },
      },
    }),
    "GET /api/audit": () => ({}),
    "GET /api/cohort": () => ({}),
    "GET /api/cohort.csv": () => ({}),
    "GET /api/patients/:patientId/fhir": () => ({}),
    "GET /api/fhir/export": () => ({}),
    // No launch of this id in the walker's session: the rule is walked, the answer a 404.
    "GET /api/smart/prefill/:launchId": () => ({}),
    "POST /api/fhir/import": (n) => ({
      body: {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          {
            resource: {
              resourceType: "Patient",
              name: [{ text: `Walk FHIR ${n}` }],
              birthDate: "1970-01-01",
            },
          },
          {
            resource: {
              resourceType: "Condition",
              code: { coding: [{ system: "http://snomed.info/sct", code: "82423001" }] },
              onsetDateTime: "2020-01",
            },
          },
        ],
      },
    }),
    "GET /api/clinic": () => ({}),
    "GET /api/clinic/settings": () => ({}),
    "PUT /api/clinic/settings": () => ({
      body: {
        name: "North Clinic",
        phone: "555 0100",
        smtp: { host: "", port: 587, secure: false, user: "", from: "" },
      },
    }),
    "GET /api/patients/:patientId/calendar": () => ({}),
    "POST /api/patients/:patientId/calendar": () => ({ body: {} }),
    "DELETE /api/patients/:patientId/calendar": () => ({}),
    // An unknown feed: 404, audited (the lifecycle is in calendar-feed.int.test.ts).
    "GET /api/calendar/:feed": () => ({}),
    "GET /api/patients/:patientId/reminders": () => ({}),
    "PUT /api/patients/:patientId/reminders": () => ({
      body: { email: "walk@example.org", doseReminders: true, questionnaireNotices: false },
    }),
  };

const keyOf = (r: RouteDefinition) => `${r.method.toUpperCase()} ${r.path}`;

for (const dialect of DIALECTS)
  describe(`access walk over every route on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let south: ClinicFixture;
    const cookies = new Map<Who, string | undefined>();
    const principals = new Map<Who, Principal | null>();
    const patientIds = new Map<Target, string>();
    const victims = { north: "", south: "" };
    const logins = new Map<Who, string>();

    beforeAll(async () => {
      // The clinic's "today" is fixed a few days into the plans below, so dated samples (a
      // check-in, a dose ticked) are inside the windows the server allows.
      server = await startTestServer(dialect, {
        settings: { loginFailures: 100_000 },
        clock: { now: () => new Date(2027, 0, 10, 12) },
      });
      north = await seedClinic(server.store, "north");
      south = await seedClinic(server.store, "south");
      const login = async (email: string) => {
        const c = server.client();
        expect((await c.login(email)).status).toBe(200);
        return c;
      };
      const clinician = await login(north.staff.clinician.email);
      const otherClinician = await login(south.staff.clinician.email);
      const a = await enrolAndJoin(server, clinician, "Patient A");
      const b = await enrolAndJoin(server, clinician, "Patient B");
      const c = await enrolAndJoin(server, otherClinician, "Patient C");
      for (const [id, by] of [
        [a.patientId, clinician],
        [b.patientId, clinician],
        [c.patientId, otherClinician],
      ] as const) {
        expect(
          (
            await by.post(`/api/patients/${id}/plans`, {
              protocolId: "micro-titration",
              startDate: "2027-01-04",
            })
          ).status,
        ).toBe(201);
      }
      logins
        .set("administrator", north.staff.administrator.email)
        .set("clinician", north.staff.clinician.email)
        .set("pharmacist", north.staff.pharmacist.email)
        .set("otherClinician", south.staff.clinician.email)
        .set("patientA", a.loginCode)
        .set("patientB", b.loginCode)
        .set("otherPatient", c.loginCode);
      patientIds
        .set("A", a.patientId)
        .set("B", b.patientId)
        .set("other", c.patientId)
        .set("missing", MISSING_ID);
      cookies.set("anonymous", undefined);
      for (const role of ["administrator", "clinician", "pharmacist"] as const)
        cookies.set(role, (await login(north.staff[role].email)).cookie);
      cookies
        .set("otherClinician", otherClinician.cookie)
        .set("patientA", a.patient.cookie)
        .set("patientB", b.patient.cookie)
        .set("otherPatient", c.patient.cookie);
      const staff = (
        f: ClinicFixture,
        role: "administrator" | "clinician" | "pharmacist",
        sessionId = "",
      ): Principal => ({
        kind: "staff",
        id: f.staff[role].id,
        clinicId: f.clinicId,
        role,
        displayName: "",
        sessionId,
      });
      principals
        .set("anonymous", null)
        .set("administrator", staff(north, "administrator"))
        .set("clinician", staff(north, "clinician"))
        .set("pharmacist", staff(north, "pharmacist"))
        .set("otherClinician", staff(south, "clinician"))
        .set("patientA", { kind: "patient", id: a.patientId, clinicId: north.clinicId, sessionId: "" })
        .set("patientB", { kind: "patient", id: b.patientId, clinicId: north.clinicId, sessionId: "" })
        .set("otherPatient", { kind: "patient", id: c.patientId, clinicId: south.clinicId, sessionId: "" });
      await server.store.transaction(SYSTEM_ACTOR, async (tx) => {
        for (const [name, f] of [
          ["north", north],
          ["south", south],
        ] as const) {
          const victim = await tx.staff.create({
            clinicId: f.clinicId,
            email: `victim@${name}.example`,
            displayName: "Victim",
            role: "pharmacist",
            passwordHash: "x",
          });
          victims[name] = victim.id;
        }
      });
    });
    afterAll(() => server.close());

    it("has a sample request, and so a walk, for every route", () => {
      expect(ROUTES.map(keyOf).filter((k) => !(k in SAMPLES))).toEqual([]);
      expect(Object.keys(SAMPLES).filter((k) => !ROUTES.some((r) => keyOf(r) === k))).toEqual([]);
    });

    it("gives every route an access rule, and registers no API route outside the list", () => {
      for (const route of ROUTES)
        expect(["public", "signed-in", "clinic", "patient"]).toContain(route.access.kind);
      const registered = server.app.routes.filter(
        (r) => r.path.startsWith("/api/") && r.path !== "/api/*" && r.method !== "ALL",
      );
      expect(registered.map((r) => `${r.method} ${r.path}`).sort()).toEqual(ROUTES.map(keyOf).sort());
    });

    let n = 0;
    const call = async (who: Who, route: RouteDefinition, target: Target) => {
      const sample = SAMPLES[keyOf(route)]!(++n);
      let cookie = cookies.get(who);
      if (keyOf(route) === "DELETE /api/session" && who !== "anonymous") {
        // Logging out ends the session: walk it on a fresh one, keeping the walker's own.
        const fresh = server.client();
        expect((await fresh.login(logins.get(who)!)).status).toBe(200);
        cookie = fresh.cookie;
      }
      const path = route.path
        .replace(":patientId", patientIds.get(target)!)
        .replace(":feed", `${"x".repeat(43)}.ics`)
        .replace(":launchId", "0".repeat(32))
        .replace(
          ":staffId",
          target === "other" ? victims.south : target === "missing" ? MISSING_ID : victims.north,
        );
      const before = await maxAuditId();
      const res = await server.app.request(`http://ldn.test${path}`, {
        method: route.method.toUpperCase(),
        headers: {
          ...(sample.body !== undefined ? { "content-type": "application/json" } : {}),
          ...(cookie ? { cookie } : {}),
          ...sample.headers,
        },
        ...(sample.body !== undefined ? { body: JSON.stringify(sample.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, text, before, type: res.headers.get("content-type") ?? "" };
    };

    const maxAuditId = async () =>
      Number(
        (
          await server.database.db
            .selectFrom("audit_events")
            .select((e) => e.fn.max("id").as("m"))
            .executeTakeFirstOrThrow()
        ).m ?? 0,
      );
    const auditSince = (after: number, patientId: string) =>
      server.database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("id", ">", after)
        .where("patient_id", "=", patientId)
        .execute();

    const WHO: readonly Who[] = [
      "anonymous",
      "administrator",
      "clinician",
      "pharmacist",
      "patientA",
      "patientB",
      "otherClinician",
      "otherPatient",
    ];

    /** The outcome the rules call for: allowed, or the status of the refusal. */
    function expected(route: RouteDefinition, who: Who, target: Target): "allowed" | 401 | 403 | 404 {
      const principal = principals.get(who)!;
      const decision = decideAccess(route.access, principal);
      if (decision === "unauthenticated") return 401;
      if (decision === "forbidden") return 403;
      if (decision === "allow") return "allowed";
      const patient = patientIds.get(target)!;
      if (target === "missing") return 404;
      if (principal!.kind === "patient") return principal!.id === patient ? "allowed" : 404;
      const clinic = target === "other" ? south.clinicId : north.clinicId;
      return principal!.clinicId === clinic ? "allowed" : 404;
    }

    /** Hand-written, not derived: a patient's own reach, so a wrong rule in a route is caught. */
    it("lets a patient reach only their own records, on every patient route", async () => {
      for (const route of ROUTES.filter((r) => r.access.kind === "patient")) {
        for (const target of ["B", "other", "missing"] as const) {
          const res = await call("patientA", route, target);
          expect(res.status, `${keyOf(route)} as patient A about ${target}`).toBeGreaterThanOrEqual(403);
          expect(res.status).toBeLessThanOrEqual(404);
        }
      }
    });

    /**
     * Hand-written: pharmacists see plans, compounding and each patient's state and dose today
     * (the engine's, so what they dispense is what the patient takes), never diaries,
     * assessments or outcomes.
     */
    it("keeps diaries, assessments, decisions and questionnaires from pharmacists", async () => {
      const clinical = ROUTES.filter((r) =>
        /^(diary|assessment|decision|questionnaire|plan\.today)/.test(r.action),
      );
      expect(clinical.length).toBeGreaterThanOrEqual(7);
      for (const route of clinical)
        expect((await call("pharmacist", route, "A")).status, keyOf(route)).toBe(403);
      const list = await server.app.request("http://ldn.test/api/patients", {
        headers: { cookie: cookies.get("pharmacist")! },
      });
      const rows = (await list.json()) as {
        state: unknown;
        lastCheckIn: unknown;
        alerts: unknown[];
        attention: { code: string }[];
      }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.state !== null)).toBe(true);
      expect(
        rows.every(
          (r) =>
            r.lastCheckIn === null && r.alerts.length === 0 && r.attention.every((a) => a.code === "no-plan"),
        ),
      ).toBe(true);
    });

    for (const route of ROUTES) {
      it(`${keyOf(route)} (${route.access.kind}) answers every caller as its rule says, and audits`, async () => {
        const targets: readonly Target[] =
          route.path.includes(":patientId") || route.path.includes(":staffId")
            ? ["A", "B", "other", "missing"]
            : ["A"];
        for (const who of WHO) {
          for (const target of targets) {
            const want = route.path.includes(":staffId")
              ? staffExpectation(route, who, target)
              : expected(route, who, target);
            const res = await call(who, route, target);
            const label = `${keyOf(route)} as ${who} about ${target}: ${res.status} ${res.text.slice(0, 200)}`;
            expect(res.status, label).toBeLessThan(500);
            if (want === "allowed") {
              expect([401, 403], label).not.toContain(route.access.kind === "public" ? 0 : res.status);
              expect(res.text, label).not.toBe(NOT_FOUND);
              expectResponseSchema(route, res, label);
              if (route.access.kind === "patient") {
                expect(
                  (await auditSince(res.before, patientIds.get(target)!)).length,
                  `${label}: no audit event`,
                ).toBeGreaterThan(0);
              }
            } else {
              expect(res.status, label).toBe(want);
              if (route.access.kind === "patient") {
                const events = await auditSince(res.before, patientIds.get(target)!);
                expect(events.length, `${label}: refusal not audited`).toBeGreaterThan(0);
              }
              if (want === 404) {
                expect(res.text, `${label}: a refusal must look like a missing record`).toBe(NOT_FOUND);
                if (route.access.kind === "patient") {
                  const events = await auditSince(res.before, patientIds.get(target)!);
                  expect(
                    events.map((e) => e.outcome),
                    `${label}: refusal not audited`,
                  ).toContain(target === "missing" ? "failure" : "denied");
                }
              }
            }
          }
        }
      });
    }

    /** A success's JSON is what the route's response schema says (and OpenAPI publishes). */
    function expectResponseSchema(
      route: RouteDefinition,
      res: { status: number; text: string; type: string },
      label: string,
    ) {
      if (res.status < 200 || res.status >= 300 || !res.type.startsWith("application/json")) return;
      const parsed = route.response.safeParse(JSON.parse(res.text));
      expect(parsed.success ? [] : parsed.error.issues, `${label}: not the route's response schema`).toEqual(
        [],
      );
    }

    function staffExpectation(route: RouteDefinition, who: Who, target: Target) {
      const first = expected(route, who, "A");
      if (first !== "allowed") return first;
      return target === "other" || target === "missing" ? 404 : "allowed";
    }
  });

const NOT_FOUND = JSON.stringify({ error: { code: "not_found", message: "No such record" } });
