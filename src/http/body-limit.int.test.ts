/**
 * The body limit over a real socket (@hono/node-server, as `ldn serve` runs it): by
 * Content-Length where the request has one, counted as it streams where it is chunked.
 */
import { request as httpRequest } from "node:http";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit } from "./body-limit.ts";

const LIMIT = 1000;

/** Sends `chunks` as the body: with Content-Length when `chunked` is false, else chunked. */
function send(port: number, method: string, chunks: readonly string[], chunked: boolean) {
  return new Promise<{ status: number; text: string }>((done, fail) => {
    const body = chunks.join("");
    const req = httpRequest(
      {
        port,
        host: "127.0.0.1",
        method,
        path: "/echo",
        headers: chunked ? { "transfer-encoding": "chunked" } : { "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => done({ status: res.statusCode!, text }));
      },
    );
    req.on("error", fail);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("bodyLimit", () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    const app = new Hono();
    app.use(
      "*",
      bodyLimit(LIMIT, () => {
        throw new Error("too large");
      }),
    );
    app.on(["GET", "POST", "DELETE"], "/echo", async (c) => c.text(`read ${(await c.req.text()).length}`));
    app.onError((error, c) => c.text(error.message, 413));
    ({ server, port } = await new Promise<{ server: ServerType; port: number }>((done) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
        done({ server: s, port: info.port }),
      );
    }));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("passes a body within the limit, whole, by its Content-Length", async () => {
    expect(await send(port, "POST", ["x".repeat(LIMIT)], false)).toEqual({
      status: 200,
      text: `read ${LIMIT}`,
    });
  });

  it("refuses a Content-Length over the limit", async () => {
    expect(await send(port, "POST", ["x".repeat(LIMIT + 1)], false)).toEqual({
      status: 413,
      text: "too large",
    });
  });

  it("counts a chunked body as it streams: within passes whole, over is refused", async () => {
    expect(await send(port, "POST", ["x".repeat(600), "y".repeat(400)], true)).toEqual({
      status: 200,
      text: `read ${LIMIT}`,
    });
    expect(await send(port, "POST", ["x".repeat(600), "y".repeat(401)], true)).toEqual({
      status: 413,
      text: "too large",
    });
  });

  it("passes requests without a body", async () => {
    expect(await send(port, "GET", [], false)).toEqual({ status: 200, text: "read 0" });
    expect(await send(port, "DELETE", [], false)).toEqual({ status: 200, text: "read 0" });
  });
});
