/**
 * The headers every answer carries, over a real socket (@hono/node-server, as `ldn serve` runs
 * it), whatever made the answer: a handler's JSON, an error, or a Response the handler built
 * itself (as the web app's files are). They are set before the handler runs (a copy of the
 * whole response for each header otherwise: security-headers.ts), so this checks none is lost.
 */
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./observability/logger.ts";
import { requestLog } from "./observability/request-log.ts";
import { CONTENT_SECURITY_POLICY, securityHeaders, STRICT_TRANSPORT_SECURITY } from "./security-headers.ts";

describe("security headers and the request id on every answer", () => {
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    const app = new Hono();
    app.use("*", requestLog(createLogger("silent")));
    app.use(
      "*",
      securityHeaders((c) => c.req.header("x-test-tls") === "1"),
    );
    app.get("/json", (c) => c.json({ ok: true }, 201));
    app.get("/error", () => {
      throw new Error("no");
    });
    app.get("/file", () => new Response("<!doctype html>", { headers: { "content-type": "text/html" } }));
    app.onError((_error, c) => c.json({ error: "failed" }, 500));
    ({ server, base } = await new Promise<{ server: ServerType; base: string }>((done) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
        done({ server: s, base: `http://127.0.0.1:${info.port}` }),
      );
    }));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  for (const [path, status] of [
    ["/json", 201],
    ["/error", 500],
    ["/file", 200],
  ] as const) {
    it(`${path}: every header once, the answer itself intact`, async () => {
      const res = await fetch(`${base}${path}`, { headers: { "x-request-id": "req-123" } });
      expect(res.status).toBe(status);
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
      expect(res.headers.get("x-request-id")).toBe("req-123");
      expect(res.headers.get("strict-transport-security")).toBeNull();
      const body = await res.text();
      expect(body).toBe(
        { "/json": '{"ok":true}', "/error": '{"error":"failed"}', "/file": "<!doctype html>" }[path],
      );
    });
  }

  it("adds Strict-Transport-Security over TLS only", async () => {
    for (const path of ["/json", "/file"]) {
      const res = await fetch(`${base}${path}`, { headers: { "x-test-tls": "1" } });
      expect(res.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
