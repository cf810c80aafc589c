/**
 * Stopping the server on SIGTERM without losing anything: stop accepting connections, let the
 * requests in flight finish (their check-ins commit and are answered), then close the
 * database. Idle keep-alive connections are closed at once and again as requests finish, so
 * a client is never left holding a connection that will not answer.
 */
import type { Server } from "node:http";

/** How often idle keep-alive connections are closed while waiting (ms). */
const SWEEP_MS = 50;

/**
 * Resolves "clean" once every request in flight has been answered, or "timeout" after
 * `graceMs`, when the connections still open are cut.
 *
 * @example await closeGracefully(server, 10_000); await store.close();
 */
export function closeGracefully(server: Server, graceMs: number): Promise<"clean" | "timeout"> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const finish = (how: "clean" | "timeout") => {
      if (settled) return;
      settled = true;
      clearInterval(sweep);
      clearTimeout(deadline);
      resolvePromise(how);
    };
    server.close(() => finish("clean"));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish("timeout");
    }, graceMs);
  });
}
