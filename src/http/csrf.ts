/**
 * Cross-site request forgery protection, three layers deep:
 * 1. the session cookie is `SameSite=Strict`, so another site's request carries no session;
 * 2. every state-changing API request must be `Content-Type: application/json`, which a plain
 *    HTML form cannot send and which a cross-origin script can send only after a CORS preflight
 *    that this server never approves;
 * 3. an `Origin` header, when the browser sends one, must be this server's own.
 */
import type { Context, MiddlewareHandler } from "hono";
import { forbidden, unsupportedMediaType } from "../domain/errors.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * `onRefused` is told of each refusal before it is answered (the app audits it).
 *
 * @example app.use("/api/*", csrfGuard((c, reason) => audit(c, reason)))
 */
export function csrfGuard(
  onRefused: (c: Context, reason: "not-json" | "cross-site") => Promise<void> = async () => undefined,
): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const type = c.req.header("content-type") ?? "";
      if (c.req.method !== "DELETE" && !/^application\/json\b/i.test(type)) {
        await onRefused(c, "not-json");
        throw unsupportedMediaType("Send the request body as application/json");
      }
      const origin = c.req.header("origin");
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (origin !== undefined && originHost(origin) !== host) {
        await onRefused(c, "cross-site");
        throw forbidden("Cross-site requests are refused");
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
