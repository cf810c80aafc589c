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
    const headers = isSecure(c) ? SECURE_HEADERS : HEADERS;
    // Set before the handler, so the response it makes carries them from the start. Set after,
    // each header made Hono copy the finished response (a web-standard Response with a stream
    // body, for every header): a third of a check-in's CPU time (bench/check-in.ts).
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A handler that answers with a Response it made itself (a file) has none of them yet.
    if (!c.res.headers.has("Content-Security-Policy"))
      for (const [name, value] of headers) c.header(name, value);
  };
}

const HEADERS: readonly (readonly [string, string])[] = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
];
const SECURE_HEADERS = [["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY] as const, ...HEADERS];
