/**
 * What the audit trail must hold (issue 13, item 8), through HTTP on SQLite and PostgreSQL:
 * refusals on every route and by the CSRF guard, another clinic's attempts on staff, a foreign
 * request with a bad body, the reads of an operation that failed, staff logins where their
 * administrator sees them, and no clinician's own words in what administrators read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../store/audit/verify-audit-chain.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

interface Event {
  readonly id: number;
  readonly action: string;
  readonly actor: { readonly kind: string; readonly id: string };
  readonly patientId: string | null;
  readonly subjectId: string | null;
  readonly outcome: string;
  readonly details: Record<string, unknown>;
}

const clock = { now: () => new Date("2027-01-10T09:00:00Z") };

for (const dialect of DIALECTS)
  describe(`the audit trail's gaps closed on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let south: ClinicFixture;
    const as: Record<string, TestClient> = {};
    let patientId: string;

    /** Every event since `after`, as stored. */
    const eventsSince = async (after: number): Promise<Event[]> =>
      (
        await server.database.db
          .selectFrom("audit_events")
          .selectAll()
          .where("id", ">", after)
          .orderBy("id")
          .execute()
      ).map((r) => ({
        id: Number(r.id),
        action: r.action,
        actor: { kind: r.actor_kind, id: r.actor_id },
        patientId: r.patient_id,
        subjectId: r.subject_id,
        outcome: r.outcome,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    const lastId = async () =>
      Number(
        (
          await server.database.db
            .selectFrom("audit_events")
            .select((eb) => eb.fn.max("id").as("id"))
            .executeTakeFirst()
        )?.id ?? 0,
      );

    beforeAll(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      south = await seedClinic(server.store, "south");
      for (const [name, email] of [
        ["admin", north.staff.administrator.email],
        ["clinician", north.staff.clinician.email],
        ["pharmacist", north.staff.pharmacist.email],
        ["southAdmin", south.staff.administrator.email],
        ["southClinician", south.staff.clinician.email],
      ] as const) {
        as[name] = server.client();
        expect((await as[name].login(email)).status).toBe(200);
      }
      const joined = await enrolAndJoin(server, as.clinician!, "R. Jones");
      patientId = joined.patientId;
      as.patient = joined.patient;
      expect(
        (
          await as.clinician!.post(`/api/patients/${patientId}/plans`, {
            protocolId: "micro-titration",
            startDate: "2027-01-04",
          })
        ).status,
      ).toBe(201);
      await as.patient.post(
        `/api/patients/${patientId}/check-ins`,
        { date: "2027-01-05", doses: [{ time: "08:00", ug: 100 }], pain: 5, sideEffects: [] },
        { "idempotency-key": "audit-gaps-day-1" },
      );
    });
    afterAll(async () => {
      expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
      await server.close();
    });

    it("audits refusals on routes that name no patient, signed in or not", async () => {
      const since = await lastId();
      expect(
        (await as.pharmacist!.post("/api/patients", { displayName: "X", screening: ELIGIBLE_SCREENING }))
          .status,
      ).toBe(403);
      expect((await as.patient!.get("/api/cohort")).status).toBe(403);
      expect((await as.clinician!.get("/api/audit")).status).toBe(403);
      expect((await as.clinician!.get("/api/staff")).status).toBe(403);
      expect((await server.client().get("/api/patients")).status).toBe(401);
      const refusals = (await eventsSince(since)).map((e) => [
        e.action,
        e.actor.id,
        e.outcome,
        e.details.reason,
      ]);
      expect(refusals).toEqual([
        ["patient.create", north.staff.pharmacist.id, "denied", "forbidden"],
        ["cohort.read", patientId, "denied", "forbidden"],
        ["audit.query", north.staff.clinician.id, "denied", "forbidden"],
        ["staff.list", north.staff.clinician.id, "denied", "forbidden"],
        ["patient.summary", "anonymous", "denied", "unauthenticated"],
      ]);
    });

    it("audits the CSRF guard's refusals: another origin, a form", async () => {
      const since = await lastId();
      const cross = await as.clinician!.request(
        "POST",
        `/api/patients/${patientId}/plans`,
        { protocolId: "micro-titration", startDate: "2027-01-04" },
        { origin: "https://evil.example" },
      );
      expect(cross.status).toBe(403);
      const form = await as.clinician!.request("POST", "/api/patients", undefined, {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(form.status).toBe(415);
      const events = await eventsSince(since);
      expect(events.map((e) => [e.action, e.actor.id, e.patientId, e.outcome, e.details.reason])).toEqual([
        ["request.refuse", north.staff.clinician.id, patientId, "denied", "cross-site"],
        ["request.refuse", north.staff.clinician.id, null, "denied", "not-json"],
      ]);
      expect(events[0]!.details.path).toBe(`/api/patients/${patientId}/plans`);
    });

    it("audits another clinic's administrator acting on this clinic's staff, where this clinic's administrator sees it", async () => {
      const victim = north.staff.pharmacist.id;
      expect((await as.southAdmin!.post(`/api/staff/${victim}/disable`, {})).status).toBe(404);
      const trail = await as.admin!.get<Event[]>("/api/audit?limit=20");
      const attempt = trail.body.find((e) => e.action === "staff.disable");
      expect(attempt).toMatchObject({
        actor: { kind: "staff", id: south.staff.administrator.id },
        subjectId: victim,
        outcome: "failure",
        details: { code: "not_found" },
      });
      expect((await as.pharmacist!.get("/api/me")).status).toBe(200);
    });

    it("refuses a foreign clinician's bad body as a missing record, and audits the attempt", async () => {
      const since = await lastId();
      const foreign = await as.southClinician!.post(
        `/api/patients/${patientId}/check-ins`,
        { date: "2027-01-06", pain: "lots" },
        { "idempotency-key": "foreign-bad-body-1" },
      );
      expect(foreign.status).toBe(404);
      const own = await as.clinician!.post(
        `/api/patients/${patientId}/check-ins`,
        { date: "2027-01-06", pain: "lots" },
        { "idempotency-key": "own-bad-body-1" },
      );
      expect(own.status).toBe(400);
      const events = await eventsSince(since);
      expect(events.map((e) => [e.action, e.actor.id, e.patientId, e.outcome])).toEqual([
        ["diary.record", south.staff.clinician.id, patientId, "denied"],
        ["diary.record", north.staff.clinician.id, patientId, "failure"],
      ]);
      expect(events[1]!.details.field).toBe("body.doses");
    });

    it("keeps the audit of what a failed operation read, marked as a failure", async () => {
      const since = await lastId();
      const res = await as.clinician!.post(`/api/patients/${patientId}/decisions`, { decision: "override" });
      expect(res.status).toBe(422);
      const events = await eventsSince(since);
      const read = events.filter((e) => e.details.rolledBack === true);
      expect(read.map((e) => e.action)).toEqual(expect.arrayContaining(["patient.read", "diary.list"]));
      expect(read.every((e) => e.outcome === "failure" && e.patientId === patientId)).toBe(true);
      expect(events.at(-1)).toMatchObject({
        action: "decision.create",
        outcome: "failure",
        details: { code: "invalid_argument", field: "reason" },
      });
    });

    it("shows staff logins, succeeded and failed, to their own clinic's administrator only", async () => {
      expect((await server.client().login(north.staff.clinician.email, "a wrong password")).status).toBe(401);
      expect((await server.client().login(north.staff.clinician.email)).status).toBe(200);
      const logins = (await as.admin!.get<Event[]>("/api/audit?limit=50")).body.filter(
        (e) => e.action === "session.login" && e.subjectId === north.staff.clinician.id,
      );
      expect(logins.map((e) => e.outcome).slice(0, 2)).toEqual(["success", "failure"]);
      const south = (await as.southAdmin!.get<Event[]>("/api/audit?limit=200")).body;
      expect(south.some((e) => e.subjectId === north.staff.clinician.id)).toBe(false);
    });

    it("audits an invitation link refused: unknown, used, expired or revoked", async () => {
      const since = await lastId();
      const invite = async () =>
        (await as.clinician!.post<{ token: string }>(`/api/patients/${patientId}/invitations`, {})).body
          .token;
      const old = await invite();
      await invite();
      const accept = (token: string) =>
        server.client().post("/api/invitations/accept", { token, password: "a new password here" });
      expect((await accept("x".repeat(43))).status).toBe(404);
      expect((await accept(old)).status).toBe(404);
      const failures = (await eventsSince(since)).filter((e) => e.action === "invitation.accept");
      expect(failures.map((e) => [e.patientId, e.outcome, e.details.reason])).toEqual([
        [null, "failure", "unknown link"],
        [patientId, "failure", "expired or revoked"],
      ]);
    });

    it("does not show administrators a clinician's own words", async () => {
      const reason = "she told me about her divorce and the drinking";
      const decided = await as.clinician!.post(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        reason,
        instead: { kind: "stop" },
      });
      expect(decided.status).toBe(201);
      const trail = await as.admin!.get<Event[]>("/api/audit?limit=50");
      expect(JSON.stringify(trail.body)).not.toContain("divorce");
      expect(
        trail.body.find((e) => e.action === "decision.create" && e.outcome === "success")?.details.reason,
      ).toBe("(clinical text, not shown)");
    });
  });
