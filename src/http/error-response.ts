/**
 * Every error's answer: a problem (domain/problem.ts) as JSON with the status the one table
 * gives its code; a database that cannot serve as 503 with when to retry; anything else as a
 * logged 500 that shows nothing of the fault.
 */
import type { Context } from "hono";
import { problemOf, type Problem } from "../domain/problem.ts";
import { STATUS_OF } from "./errors.ts";
import { logDetail, logSafe } from "./log-text.ts";
import { storageFault } from "./storage-fault.ts";

/**
 * @example app.onError((error, c) => errorResponse(c, error, log));
 */
export function errorResponse(c: Context, error: unknown, log: (m: string) => void): Response {
  c.header("Cache-Control", "no-store");
  const problem = problemOf(error);
  if (problem) return problemResponse(c, problem);
  const fault = storageFault(error);
  if (fault) {
    // The request was fine: the database could not serve it (disk full, locked, gone). 503 and
    // when to try again, never a 500 that reads as the clinic's own fault.
    log(
      `ldn server: database ${fault.kind} on ${logSafe(c.req.method)} ${logSafe(c.req.path)}: ${logSafe(String((error as Error).message))}`,
    );
    c.header("Retry-After", String(fault.retryAfterSeconds));
    return c.json({ error: { code: "unavailable", message: fault.message } }, 503);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`ldn server: internal error on ${logSafe(c.req.method)} ${logSafe(c.req.path)}\n${logDetail(detail)}`);
  return c.json(
    { error: { code: "internal", message: "Something went wrong on the server; it has been logged" } },
    500,
  );
}

function problemResponse(c: Context, problem: Problem): Response {
  if (problem.retryAfterSeconds !== undefined) c.header("Retry-After", String(problem.retryAfterSeconds));
  const { code, message, field } = problem;
  return c.json({ error: { code, message, ...(field ? { field } : {}) } }, STATUS_OF[code] as 400);
}
