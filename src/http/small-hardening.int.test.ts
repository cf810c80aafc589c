/**
 * The smaller cases of issue 13 (item 9), through the real app on a real SQLite file: a short
 * idle time does not end an active session, Strict-Transport-Security behind TLS, and a request
 * path cannot forge a line in the server's log. (The lone surrogate is in hostile-input.)
 */
import { z } from "zod/v4";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { defineRoute } from "./route.ts";
import { buildServer } from "./server.ts";
import { STRICT_TRANSPORT_SECURITY } from "./security-headers.ts";
import { seedClinic, startTestServer, type TestServer } from "./testing/test-server.ts";

let now = new Date("2027-01-10T09:00:00Z");
const clock = { now: () => now };
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

describe("smaller protections", () => {
  let server: TestServer;
  afterEach(() => server.close());

  it("keeps an active session alive with LDN_SESSION_IDLE_MINUTES=1, and ends it after a minute idle", async () => {
    now = new Date("2027-01-10T09:00:00Z");
    server = await startTestServer("sqlite", { clock, settings: { sessionIdleMinutes: 1 } });
    const north = await seedClinic(server.store, "north");
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    // A request every 50 s for five minutes: each within the minute of the one before.
    for (let i = 0; i < 6; i++) {
      later(50);
      expect((await clinician.get("/api/me")).status, `after ${(i + 1) * 50} s`).toBe(200);
    }
    later(61);
    expect((await clinician.get("/api/me")).status).toBe(401);
  });

  it("sends Strict-Transport-Security behind a TLS proxy or with LDN_SECURE_COOKIES, never over plain http", async () => {
    now = new Date("2027-01-10T09:00:00Z");
    server = await startTestServer("sqlite", { clock, settings: { trustProxy: true } });
    const hsts = async (app: TestServer["app"], headers: Record<string, string>, url = "http://ldn.test") =>
      (await app.request(`${url}/api/health`, { headers })).headers.get("strict-transport-security");
    expect(await hsts(server.app, { "x-forwarded-proto": "https" })).toBe(STRICT_TRANSPORT_SECURITY);
    expect(await hsts(server.app, {})).toBeNull();
    expect(await hsts(server.app, {}, "https://ldn.test")).toBe(STRICT_TRANSPORT_SECURITY);
    const direct = buildServer({ store: server.store, webRoot: null });
    expect(await hsts(direct.app, { "x-forwarded-proto": "https" })).toBeNull();
    const secure = buildServer({
      store: server.store,
      webRoot: null,
      settings: { ...direct.services.settings, secureCookies: true },
    });
    expect(await hsts(secure.app, {})).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("writes an internal error as one log entry, whatever newlines the path and the error carry", async () => {
    now = new Date("2027-01-10T09:00:00Z");
    server = await startTestServer("sqlite", { clock });
    const lines: string[] = [];
    const failing = defineRoute({
      method: "get",
      path: "/api/fail/:what",
      summary: "Fails",
      tag: "test",
      access: { kind: "public" },
      action: "test.fail",
      params: z.object({ what: z.string() }),
      response: z.object({}),
      handler: async ({ params }) => {
        throw new Error(`could not do ${params.what}`);
      },
    });
    const { services } = buildServer({ store: server.store, webRoot: null });
    const app = createApp([failing], services, { log: (m) => m.split("\n").forEach((l) => lines.push(l)) });
    const forged = encodeURIComponent("x\nldn server: internal error on GET /api/forged\r\nthe end");
    const res = await app.request(`http://ldn.test/api/fail/${forged}`);
    expect(res.status).toBe(500);
    const entries = lines.filter((l) => l.startsWith("ldn server:"));
    expect(entries).toHaveLength(1);
    // The path's newlines escaped (Hono leaves %3A and %2F as they came).
    expect(entries[0]).toContain(
      "/api/fail/x\\u000aldn server%3A internal error on GET %2Fapi%2Fforged\\u000d\\u000athe end",
    );
    expect(lines.slice(1).every((l) => l.startsWith("  | "))).toBe(true);
  });
});
