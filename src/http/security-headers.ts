/** Security headers on every response (OWASP Secure Headers): no framing, no sniffing, a strict CSP. */
import type { Context, MiddlewareHandler } from "hono";

/** Scripts and styles only from this server: patient free text can never run as script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A year, the common choice (OWASP HTTP Headers Cheat Sheet); no `includeSubDomains`, as the
 * clinic's other hosts are not this server's to promise.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/**
 * `isSecure` says whether the request came over TLS (directly, or through a trusted proxy that
 * terminates it): only then is `Strict-Transport-Security` sent, as browsers ignore it over http.
 *
 * @example app.use(securityHeaders((c) => new URL(c.req.url).protocol === "https:"))
 */
export function securityHeaders(isSecure: (c: Context) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (isSecure(c)) c.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  };
}
