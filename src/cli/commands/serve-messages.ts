/**
 * What `ldn serve` says to the person who started it: plain lines on stderr, kept apart from the
 * log (JSON lines on stdout, for a log collector), so the address and the demo's sign-ins read
 * as text on a terminal and never reach the log. The log still records each start and stop.
 */

/** Writes one message (one or more lines) for the person at the terminal. */
export function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The start line; also the log's `msg` at start, which scripts and tests wait for. */
export function listeningLine(host: string, port: number, where: string): string {
  return `ldn clinic server on http://${host}:${port} (database: ${where})`;
}

/** Said at start when the database has no clinic: how to make the first administrator. */
export const FIRST_ADMINISTRATOR_ADVICE = [
  "No clinic yet. Create the first administrator (in another terminal):",
  '  npm run ldn -- admin create --clinic "Riverside Pain Clinic" --email admin@clinic.example --name "A. Admin"',
  "or stop this server (Ctrl-C) and start it with a demo clinic to look around: npm start -- --demo",
].join("\n");

/** Said when a stop signal arrives. */
export const STOPPING = "ldn: stopping: no new connections; finishing the requests in flight";

/** Said once stopped: whether every request was answered. */
export function stoppedLine(how: "clean" | "timeout"): string {
  return how === "clean"
    ? "ldn: stopped: every request answered"
    : "ldn: stopped: grace period over, connections cut";
}
