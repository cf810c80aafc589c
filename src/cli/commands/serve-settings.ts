/**
 * Every setting `ldn serve` reads from the environment, checked before anything starts: a bad
 * one stops the server with exit status 2 and a line naming it (issue 14, item 5). These are
 * operations settings, not clinical facts.
 */
import type { LevelWithSilent } from "pino";
import { invalidArgument, refused } from "../../domain/errors.ts";
import { LOG_LEVELS } from "../../http/observability/logger.ts";
import { serverSettingsFromEnv, type ServerSettings } from "../../http/settings.ts";

type Env = Readonly<Record<string, string | undefined>>;

export interface OperationsSettings {
  /** LDN_LOG_LEVEL: the least severe level logged (default info). */
  readonly logLevel: LevelWithSilent;
  /** LDN_METRICS_PORT: where Prometheus scrapes `/metrics`; off (null) unless set. */
  readonly metricsPort: number | null;
  /** LDN_METRICS_HOST: the address the metrics listen on (default 127.0.0.1, this machine only). */
  readonly metricsHost: string;
  /** LDN_SHUTDOWN_SECONDS: how long SIGTERM waits for requests in flight (default 10). */
  readonly shutdownSeconds: number;
}

/** Settings that are switches: "1" on, "0" or unset off; anything else is a mistake to name. */
const SWITCHES = ["LDN_SECURE_COOKIES", "LDN_TRUST_PROXY"] as const;

function wholeNumber(env: Env, name: string, min: number, max: number): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw invalidArgument(name, text, `must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * @example serveSettingsFromEnv(process.env).operations.logLevel // "info"
 */
export function serveSettingsFromEnv(env: Env): {
  readonly server: ServerSettings;
  readonly operations: OperationsSettings;
} {
  for (const name of SWITCHES) {
    const text = env[name];
    if (text !== undefined && !["", "0", "1"].includes(text))
      throw invalidArgument(name, text, 'must be "1" (on) or "0" (off)');
  }
  let server: ServerSettings;
  try {
    server = serverSettingsFromEnv(env);
  } catch (error) {
    // Its message already names the setting and the value ("LDN_X must be ... (got "y")").
    throw refused(error instanceof Error ? error.message : String(error));
  }
  const level = env.LDN_LOG_LEVEL;
  if (level !== undefined && level !== "" && !LOG_LEVELS.includes(level as LevelWithSilent))
    throw invalidArgument("LDN_LOG_LEVEL", level, `must be one of ${LOG_LEVELS.join(", ")}`);
  const metricsHost = env.LDN_METRICS_HOST || "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(metricsHost))
    throw invalidArgument("LDN_METRICS_HOST", metricsHost, "must be an address or a host name");
  return {
    server,
    operations: {
      logLevel: (level || "info") as LevelWithSilent,
      metricsPort: wholeNumber(env, "LDN_METRICS_PORT", 1, 65_535) ?? null,
      metricsHost,
      shutdownSeconds: wholeNumber(env, "LDN_SHUTDOWN_SECONDS", 1, 600) ?? 10,
    },
  };
}
