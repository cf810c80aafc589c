/**
 * The request id on every line a request logs: its own request line, and the error line the
 * app writes when a request fails, each with the id returned in `X-Request-Id`. Through the
 * app as the server builds it (createApp), its log written by a real pino logger to a file.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import type { Services } from "../route.ts";
import { DEFAULT_SERVER_SETTINGS } from "../settings.ts";
import { createLogger } from "./logger.ts";
import { requestLog } from "./request-log.ts";

describe("request ids in the log", () => {
  let dir: string;
  let file: string;
  let app: Hono;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ldn-request-log-"));
    file = join(dir, "log.jsonl");
    const logger = createLogger("info", file);
    const failing = new Hono().get("/boom", () => {
      throw new Error("a fault");
    });
    // No route here reads a service: only the settings the security headers look at.
    const services = { settings: DEFAULT_SERVER_SETTINGS } as unknown as Services;
    app = createApp([], services, {
      middleware: [requestLog(logger)],
      log: (message, reqId) => logger.error(reqId === undefined ? {} : { reqId }, message),
      mount: failing,
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lines = () =>
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("gives a failed request's error line and request line the id it answers with", async () => {
    const res = await app.request("http://ldn.test/boom", { headers: { "x-request-id": "probe-7" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("probe-7");
    const logged = lines();
    expect(logged).toContainEqual(expect.objectContaining({ reqId: "probe-7", level: 50, status: 500 }));
    expect(logged).toContainEqual(
      expect.objectContaining({
        reqId: "probe-7",
        msg: expect.stringContaining("internal error on GET /boom"),
      }),
    );
  });

  it("makes an id where the proxy's would forge a log line, and no two requests share one", async () => {
    const a = await app.request("http://ldn.test/boom", { headers: { "x-request-id": 'x" "injected' } });
    const b = await app.request("http://ldn.test/boom");
    const [idA, idB] = [a.headers.get("x-request-id"), b.headers.get("x-request-id")];
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    const errors = lines().filter((l) => typeof l.msg === "string" && l.msg.includes("internal error"));
    expect(errors.map((l) => l.reqId)).toEqual([idA, idB]);
  });
});
