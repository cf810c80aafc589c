/**
 * Per request: a request id (the proxy's `X-Request-Id` when it is a plain token, else a new
 * one), returned as `X-Request-Id` and kept in the request's context (`c.get("requestId")`) for
 * any other line logged while serving it (app.ts's error lines); then one log line and the
 * metrics for the answer.
 *
 * Carried in Hono's context, not an AsyncLocalStorage: on Node 20 that turns on async hooks for
 * every promise in the process, 13% of a check-in's throughput (bench/check-in.ts, 2,620 against
 * 2,980 a second).
 */
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";
import { storageFault } from "../storage-fault.ts";
import type { Metrics } from "./metrics.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** The request id, set by requestLog. */
    requestId: string;
  }
}

/** A proxy's id is kept only when it cannot forge anything in a log line. */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * @example app.use("*", requestLog(logger, metrics));
 */
export function requestLog(logger: Logger, metrics?: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const reqId = given !== undefined && PLAIN_ID.test(given) ? given : randomUUID();
    const started = performance.now();
    // Before the handler: set after, Hono copies the finished response (security-headers.ts).
    c.header("X-Request-Id", reqId);
    c.set("requestId", reqId);
    await next();
    if (!c.res.headers.has("X-Request-Id")) c.header("X-Request-Id", reqId);
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c) || "unmatched";
    const status = c.res.status;
    const fault = c.error === undefined ? null : storageFault(c.error);
    if (fault) metrics?.databaseError(fault.kind);
    metrics?.request(c.req.method, route, status, seconds);
    const line = { reqId, method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10 };
    if (status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
  };
}
