/**
 * The request body's size limit, by its Content-Length where it has one. Hono's bodyLimit looks
 * at the web-standard Request's body stream first, which makes @hono/node-server build a whole
 * Request with a stream for every request (GETs too), the slow path a plain body read avoids;
 * a tenth of a check-in's CPU time (bench/check-in.ts). Node's HTTP parser reads exactly
 * Content-Length bytes, so a length within the limit is a body within it. A body of unknown
 * length (chunked) is counted as it streams in, by Hono's own middleware.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit as streamingLimit } from "hono/body-limit";

/**
 * @example app.use("/api/*", bodyLimit(256 * 1024, () => { throw badRequest("body", "too large") }));
 */
export function bodyLimit(maxBytes: number, tooLarge: () => never): MiddlewareHandler {
  const streaming = streamingLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (c.req.header("transfer-encoding") === undefined) {
      if (length !== undefined) {
        if (!/^\d{1,15}$/.test(length) || Number(length) > maxBytes) tooLarge();
        return next();
      }
      // HTTP/1.1: a request with neither header has no body; GET and HEAD never carry one here.
      if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    }
    return streaming(c, next);
  };
}
