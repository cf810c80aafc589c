/**
 * The access walk: every route, called by every kind of person, about their own records, another
 * patient's in the same clinic, a patient of another clinic, and a patient who does not exist.
 * It proves that a patient reaches only their own records and a staff member only their clinic's,
 * that a refused record looks exactly like a missing one, that every refusal and every patient
 * read or write is audited, and it fails when a route is added without a sample request here
 * (and so without its access rule being walked).
 *
 * A new route needs a sample request in testing/access-walk-samples.ts; the world walked (clinics,
 * patients, sessions) is in testing/access-walk-world.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDefinition } from "./route.ts";
import { ROUTES } from "./routes/index.ts";
import { SAMPLES, keyOf } from "./testing/access-walk-samples.ts";
import {
  NOT_FOUND,
  WHO,
  auditSince,
  buildWorld,
  callAs,
  expected,
  staffExpectation,
  type Target,
  type WalkResponse,
  type WalkWorld,
} from "./testing/access-walk-world.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";

for (const dialect of DIALECTS)
  describe(`access walk over every route on ${dialect}`, () => {
    let world: WalkWorld;
    beforeAll(async () => {
      world = await buildWorld(dialect);
    });
    afterAll(() => world.server.close());

    it("has a sample request, and so a walk, for every route", () => {
      expect(ROUTES.map(keyOf).filter((k) => !(k in SAMPLES))).toEqual([]);
      expect(Object.keys(SAMPLES).filter((k) => !ROUTES.some((r) => keyOf(r) === k))).toEqual([]);
    });

    it("gives every route an access rule, and registers no API route outside the list", () => {
      for (const route of ROUTES)
        expect(["public", "signed-in", "clinic", "patient"]).toContain(route.access.kind);
      const registered = world.server.app.routes.filter(
        (r) => r.path.startsWith("/api/") && r.path !== "/api/*" && r.method !== "ALL",
      );
      expect(registered.map((r) => `${r.method} ${r.path}`).sort()).toEqual(ROUTES.map(keyOf).sort());
    });

    /** Hand-written, not derived: a patient's own reach, so a wrong rule in a route is caught. */
    it("lets a patient reach only their own records, on every patient route", async () => {
      for (const route of ROUTES.filter((r) => r.access.kind === "patient")) {
        for (const target of ["B", "other", "missing"] as const) {
          const res = await callAs(world, "patientA", route, target);
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
        expect((await callAs(world, "pharmacist", route, "A")).status, keyOf(route)).toBe(403);
      const list = await world.server.app.request("http://ldn.test/api/patients", {
        headers: { cookie: world.cookies.get("pharmacist")! },
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
              ? staffExpectation(world, route, who, target)
              : expected(world, route, who, target);
            const res = await callAs(world, who, route, target);
            const label = `${keyOf(route)} as ${who} about ${target}: ${res.status} ${res.text.slice(0, 200)}`;
            expect(res.status, label).toBeLessThan(500);
            if (want === "allowed") await expectAllowed(route, target, res, label);
            else await expectRefused(route, target, want, res, label);
          }
        }
      });
    }

    /** An allowed call: not refused, the route's own answer, and a patient's record audited. */
    async function expectAllowed(route: RouteDefinition, target: Target, res: WalkResponse, label: string) {
      expect([401, 403], label).not.toContain(route.access.kind === "public" ? 0 : res.status);
      expect(res.text, label).not.toBe(NOT_FOUND);
      expectResponseSchema(route, res, label);
      if (route.access.kind === "patient") {
        expect(
          (await auditSince(world, res.before, world.patientIds.get(target)!)).length,
          `${label}: no audit event`,
        ).toBeGreaterThan(0);
      }
    }

    /** A refused call: the status the rule calls for, audited, and a 404 just like a missing record. */
    async function expectRefused(
      route: RouteDefinition,
      target: Target,
      want: 401 | 403 | 404,
      res: WalkResponse,
      label: string,
    ) {
      expect(res.status, label).toBe(want);
      if (route.access.kind === "patient") {
        const events = await auditSince(world, res.before, world.patientIds.get(target)!);
        expect(events.length, `${label}: refusal not audited`).toBeGreaterThan(0);
      }
      if (want === 404) {
        expect(res.text, `${label}: a refusal must look like a missing record`).toBe(NOT_FOUND);
        if (route.access.kind === "patient") {
          const events = await auditSince(world, res.before, world.patientIds.get(target)!);
          expect(
            events.map((e) => e.outcome),
            `${label}: refusal not audited`,
          ).toContain(target === "missing" ? "failure" : "denied");
        }
      }
    }

    /** A success's JSON is what the route's response schema says (and OpenAPI publishes). */
    function expectResponseSchema(route: RouteDefinition, res: WalkResponse, label: string) {
      if (res.status < 200 || res.status >= 300 || !res.type.startsWith("application/json")) return;
      const parsed = route.response.safeParse(JSON.parse(res.text));
      expect(parsed.success ? [] : parsed.error.issues, `${label}: not the route's response schema`).toEqual(
        [],
      );
    }
  });
