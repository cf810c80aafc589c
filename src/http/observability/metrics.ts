/**
 * Prometheus metrics (prom-client), in a registry of the server's own so that two servers in
 * one process (tests) never count into each other: requests and their latency by route, the
 * group commit's batch sizes, and database faults by kind. Labels are route patterns, never
 * paths, so no patient id becomes a label.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export interface Metrics {
  readonly registry: Registry;
  /** One answered request: its method, route pattern, status and seconds taken. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** One group commit of SQLite: how many units of work it made durable together. */
  commitBatch(size: number): void;
  /** A database fault (disk full, busy, read-only, unreachable) met while answering. */
  databaseError(kind: string): void;
}

/**
 * @example
 * const metrics = createMetrics();
 * metrics.request("GET", "/api/patients", 200, 0.012);
 * await metrics.registry.metrics(); // the text Prometheus scrapes
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ldn_" });
  const requests = new Counter({
    name: "ldn_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "ldn_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const batches = new Histogram({
    name: "ldn_group_commit_batch_size",
    help: "Units of work made durable by one commit (group commit on SQLite and PostgreSQL, at most 64)",
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers: [registry],
  });
  const faults = new Counter({
    name: "ldn_database_errors_total",
    help: "Database faults met while answering requests, by kind (disk_full, busy, read_only, unreachable)",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  return {
    registry,
    request(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    commitBatch: (size) => batches.observe(size),
    databaseError: (kind) => faults.inc({ kind }),
  };
}
