/**
 * Cross-site request forgery protection, three layers deep:
 * 1. the session cookie is `SameSite=Strict`, so another site's request carries no session;
 * 2. every state-changing API request must be `Content-Type: application/json`, which a plain
 *    HTML form cannot send and which a cross-origin script can send only after a CORS preflight
 *    that this server never approves;
 * 3. an `Origin` header, when the browser sends one, must be this server's own.
 */
import type { MiddlewareHandler } from "hono";
import { HttpError } from "./errors.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** @example app.use("/api/*", csrfGuard()) */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const type = c.req.header("content-type") ?? "";
      if (c.req.method !== "DELETE" && !/^application\/json\b/i.test(type)) {
        throw new HttpError("unsupported_media_type", "Send the request body as application/json");
      }
      const origin = c.req.header("origin");
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (origin !== undefined && originHost(origin) !== host) {
        throw new HttpError("forbidden", "Cross-site requests are refused");
      }
    }
    await next();
  };
}

/** The host of an Origin header; "null" and garbage never match a real host. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
