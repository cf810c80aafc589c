/** Accounts, sessions and the protections around them, through HTTP on a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROUTES } from "./routes/index.ts";
import {
  ELIGIBLE_SCREENING,
  TEST_PASSWORD,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestServer,
} from "./testing/test-server.ts";

let now = new Date("2027-01-10T09:00:00Z");
const clock = { now: () => now };

describe("accounts, sessions and request protections", () => {
  let server: TestServer;
  let north: ClinicFixture;

  beforeEach(async () => {
    now = new Date("2027-01-10T09:00:00Z");
    server = await startTestServer("sqlite", { clock });
    north = await seedClinic(server.store, "north");
  });
  afterEach(() => server.close());

  it("sets an HttpOnly, SameSite=Strict session cookie, Secure when configured", async () => {
    const res = await server.client().login(north.staff.clinician.email);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^ldn_session=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).not.toContain("Secure");
    const secure = await startTestServer("sqlite", { settings: { secureCookies: true } });
    try {
      await seedClinic(secure.store, "s");
      expect((await secure.client().login("clinician@s.example")).headers.get("set-cookie")).toContain(
        "Secure",
      );
    } finally {
      await secure.close();
    }
  });

  it("keeps only a memory-hard hash of passwords, never the password", async () => {
    const row = await server.database.db
      .selectFrom("staff")
      .select("password_hash")
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it("sends security headers, and no-store on patient data", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const res = await clinician.get("/api/patients");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses state changes that are not JSON or come from another origin", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const form = await clinician.request("POST", "/api/patients", undefined, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    const cross = await clinician.request(
      "POST",
      "/api/patients",
      { displayName: "X", screening: ELIGIBLE_SCREENING },
      { origin: "https://evil.example" },
    );
    expect(cross.status).toBe(403);
    expect((await clinician.get<unknown[]>("/api/patients")).body).toHaveLength(0);
  });

  it("refuses a body over 256 KiB with a clear error", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const res = await clinician.post<{ error: { message: string } }>("/api/patients", {
      displayName: "x".repeat(300_000),
      screening: ELIGIBLE_SCREENING,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("larger than 256 KiB");
  });

  it("throttles an account after 5 failed logins, even with the right password, and says when to retry", async () => {
    const client = server.client();
    for (let i = 0; i < 5; i++)
      expect((await client.login(north.staff.clinician.email, "wrong password")).status).toBe(401);
    const blocked = await client.login(north.staff.clinician.email);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await client.login(north.staff.clinician.email)).status).toBe(200);
  });

  it("answers a wrong email and a wrong password the same way, and audits both", async () => {
    const a = await server.client().login("nobody@north.example", "whatever password");
    const b = await server.client().login(north.staff.clinician.email, "wrong password");
    expect([a.status, a.body]).toEqual([b.status, b.body]);
    const failures = await server.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "session.login")
      .where("outcome", "=", "failure")
      .execute();
    expect(failures).toHaveLength(2);
  });

  it("ends a session after 30 minutes without a request, and on logout", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await clinician.get("/api/me")).status).toBe(200);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await clinician.get("/api/me")).status).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await clinician.get("/api/me")).status).toBe(401);

    const again = server.client();
    await again.login(north.staff.clinician.email);
    const cookie = again.cookie!;
    expect((await again.request("DELETE", "/api/session")).status).toBe(200);
    const replay = await server.app.request("http://ldn.test/api/me", { headers: { cookie } });
    expect(replay.status).toBe(401);
  });

  it("lets an invitation be used once, and not after it expires", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const { patientId } = await enrolAndJoin(server, clinician, "R. Jones");
    const invite = await clinician.post<{ token: string }>(`/api/patients/${patientId}/invitations`, {});
    const first = await server
      .client()
      .post("/api/invitations/accept", { token: invite.body.token, password: TEST_PASSWORD });
    const second = await server
      .client()
      .post("/api/invitations/accept", { token: invite.body.token, password: TEST_PASSWORD });
    expect([first.status, second.status]).toEqual([201, 404]);
    const late = await clinician.post<{ token: string }>(`/api/patients/${patientId}/invitations`, {});
    now = new Date(now.getTime() + 8 * 86_400_000);
    await clinician.login(north.staff.clinician.email);
    expect(
      (
        await server
          .client()
          .post("/api/invitations/accept", { token: late.body.token, password: TEST_PASSWORD })
      ).status,
    ).toBe(404);
  });

  it("refuses a short password when joining", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const enrolled = await clinician.post<{ id: string }>("/api/patients", {
      displayName: "P",
      screening: ELIGIBLE_SCREENING,
    });
    const invite = await clinician.post<{ token: string }>(
      `/api/patients/${enrolled.body.id}/invitations`,
      {},
    );
    const res = await server.client().post<{ error: { field: string } }>("/api/invitations/accept", {
      token: invite.body.token,
      password: "short",
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("body.password");
  });

  it("signs a patient in with their login code, however they type it", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const { loginCode } = await enrolAndJoin(server, clinician, "R. Jones");
    const res = await server.client().login(` ${loginCode.toLowerCase().replace("-", "")} `);
    expect(res.status).toBe(200);
    expect((res.body as { me: { kind: string } }).me.kind).toBe("patient");
  });

  it("ends a disabled staff member's sessions at once", async () => {
    const admin = server.client();
    await admin.login(north.staff.administrator.email);
    const pharmacist = server.client();
    await pharmacist.login(north.staff.pharmacist.email);
    expect((await admin.post(`/api/staff/${north.staff.pharmacist.id}/disable`, {})).status).toBe(200);
    expect((await pharmacist.get("/api/me")).status).toBe(401);
    expect((await server.client().login(north.staff.pharmacist.email)).status).toBe(401);
  });

  it("changes a password: the old one stops working and other sessions end", async () => {
    const laptop = server.client();
    const phone = server.client();
    await laptop.login(north.staff.clinician.email);
    await phone.login(north.staff.clinician.email);
    const wrong = await laptop.post<{ error: { field: string } }>("/api/me/password", {
      currentPassword: "nope nope",
      newPassword: "a brand new password",
    });
    expect([wrong.status, wrong.body.error.field]).toEqual([422, "body.currentPassword"]);
    const ok = await laptop.post("/api/me/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
    });
    expect(ok.status).toBe(200);
    expect((await laptop.get("/api/me")).status).toBe(200);
    expect((await phone.get("/api/me")).status).toBe(401);
    expect((await server.client().login(north.staff.clinician.email)).status).toBe(401);
    expect((await server.client().login(north.staff.clinician.email, "a brand new password")).status).toBe(
      200,
    );
  });

  it("keeps a patient's login code when a new invitation resets their password", async () => {
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const { patientId, loginCode } = await enrolAndJoin(server, clinician, "R. Jones");
    const invite = await clinician.post<{ token: string }>(`/api/patients/${patientId}/invitations`, {});
    const again = await server.client().post<{ loginCode: string }>("/api/invitations/accept", {
      token: invite.body.token,
      password: "forgot it, new one",
    });
    expect(again.body.loginCode).toBe(loginCode);
    expect((await server.client().login(loginCode, "forgot it, new one")).status).toBe(200);
  });

  it("describes every route in OpenAPI", async () => {
    const res = await server
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
    expect(res.status).toBe(200);
    for (const route of ROUTES) {
      expect(res.body.paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method], route.path).toBeDefined();
    }
    // Request bodies are the real shapes (issue 16, item 4: the check-in's was `unknown`), and the
    // check-in request and the check-ins in responses are one schema.
    type Op = {
      requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
      responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } };
    };
    const path = res.body.paths["/api/patients/{patientId}/check-ins"]!;
    const request = (path.post as Op).requestBody!.content["application/json"].schema;
    expect(request.type).toBe("object");
    expect(request.required).toEqual(["date", "doses", "pain", "sideEffects"]);
    expect(request.properties).toMatchObject({ pain: { type: "integer", minimum: 0, maximum: 10 } });
    const listed = (path.get as Op).responses["200"].content["application/json"].schema as {
      items: { properties: { checkIn: { properties: Record<string, unknown> } } };
    };
    const shown = listed.items.properties.checkIn.properties;
    expect(Object.keys(shown)).toEqual(Object.keys(request.properties as object));
    expect(shown.pain).toEqual((request.properties as Record<string, unknown>).pain);
  });
});
