/**
 * The server's log: one JSON object a line on stdout (pino), each line of a request carrying its
 * request id (request-log.ts). Nothing about a patient goes in: a request is logged by its route's pattern
 * (`/api/patients/:patientId`), never its path or query, and errors by their code and stack.
 */
import { pino, type Logger, type LevelWithSilent } from "pino";

export const LOG_LEVELS: readonly LevelWithSilent[] = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];

/**
 * A JSON logger to `destination` (default stdout), written synchronously so the last lines
 * before an exit are never lost.
 *
 * @example createLogger("info").info({ port: 3000 }, "listening")
 */
export function createLogger(level: LevelWithSilent = "info", destination: number | string = 1): Logger {
  return pino(
    {
      level,
      base: { service: "ldn" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ dest: destination, sync: true }),
  );
}
