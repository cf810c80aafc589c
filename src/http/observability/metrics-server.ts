/**
 * `/metrics` for Prometheus on a port of its own (LDN_METRICS_PORT), by default on 127.0.0.1
 * only. Not an /api route: a scraper has no session, and the clinic's port may face the
 * internet while this one need not. It holds counts by route pattern, never patient data.
 */
import { createServer, type Server } from "node:http";
import type { Metrics } from "./metrics.ts";

/**
 * @example const server = await listenMetrics(metrics, 9464, "127.0.0.1");
 */
export function listenMetrics(metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("only GET /metrics here\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
