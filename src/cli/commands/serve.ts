/** `ldn serve`: the clinic server (HTTP API and web app) on SQLite or PostgreSQL. */
import { smartSettingsFromEnv } from "../../http/smart/smart-settings.ts";
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { startDashboardLineKeeper } from "../../http/dashboard-line-keeper.ts";
import { buildServer, listen, startMailDispatcher } from "../../http/server.ts";
import type { Server } from "node:http";
import type { Store } from "../../app/ports/store.ts";
import { closeGracefully } from "../../http/graceful-close.ts";
import { createLogger } from "../../http/observability/logger.ts";
import { createMetrics } from "../../http/observability/metrics.ts";
import { listenMetrics } from "../../http/observability/metrics-server.ts";
import { requestLog } from "../../http/observability/request-log.ts";
import { sqliteWriteProblem } from "../../store/sqlite-write-check.ts";
import { openStore } from "../../store/sql-store.ts";
import { EXIT_USAGE } from "../program.ts";
import { serveSettingsFromEnv } from "./serve-settings.ts";
import { parsePositiveInt } from "../output.ts";
import { databaseConfigFor, dbOption, type DatabaseFlags } from "./database-option.ts";
import { fillDemoClinic } from "../demo/fill-demo-clinic.ts";
import { FIRST_ADMINISTRATOR_ADVICE, listeningLine, say, STOPPING, stoppedLine } from "./serve-messages.ts";

interface ServeFlags extends DatabaseFlags {
  port: number;
  host: string;
  demo: boolean;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("run the clinic server: HTTP API and web app (creates the database on first run)")
    .option("--port <n>", "port to listen on (default PORT, else 3000)", parsePositiveInt("--port", 65_535))
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option(
      "--demo",
      "fill a demo clinic with synthetic patients in every state (once) and print its sign-ins",
      false,
    )
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
Database: --db, else DATABASE_URL (postgres://...), else ./data/ldn.sqlite (made on first run).

Output: plain text on stderr for you (the address, the demo's sign-ins, how to stop); the log
on stdout as JSON lines (one per request, with its request id), for a log collector.

Settings come from the environment; a bad one stops the start with exit status 2, naming it.
  Security (clinic settings, not published facts): LDN_SESSION_IDLE_MINUTES (30),
    LDN_SESSION_MAX_HOURS (12), LDN_INVITATION_DAYS (7), LDN_LOGIN_FAILURES (5) per
    LDN_LOGIN_WINDOW_MINUTES (15), LDN_LOGIN_ADDRESS_FAILURES (20); LDN_SECURE_COOKIES=1
    behind TLS; LDN_TRUST_PROXY=1 behind a reverse proxy that sets X-Forwarded-Proto.
  Operations: LDN_LOG_LEVEL (info), LDN_METRICS_PORT (off; Prometheus /metrics),
    LDN_METRICS_HOST (127.0.0.1), LDN_SHUTDOWN_SECONDS (10: SIGTERM waits this long for the
    requests in flight).
  Email reminders, through the SMTP server the administrator sets in the web app:
    LDN_SMTP_PASSWORD (never stored in the database), LDN_MAIL_POLL_SECONDS (30: how often
    the outbox is sent). Several servers on one database share the outbox: each email goes once.
  Diary dates (docs/operations.md): LDN_DIARY_DAYS_BACK, LDN_DIARY_DAYS_AHEAD,
    LDN_BASELINE_DAYS, LDN_PLAN_START_DAYS_AHEAD. Fills (docs/pharmacy.md): LDN_FILL_DAYS,
    LDN_FILL_LEAD_DAYS. SMART launch (docs/fhir.md): LDN_SMART_CLIENT_ID, LDN_SMART_ISS,
    LDN_SMART_SCOPES.

Examples:
  ldn serve                   # http://127.0.0.1:3000 on ./data/ldn.sqlite
  ldn serve --demo            # with a demo clinic to look around; its sign-ins are printed
  PORT=8080 DATABASE_URL=postgres://ldn@db.example/ldn ldn serve --host 0.0.0.0`,
    )
    .action(async (flags: ServeFlags) => {
      process.exitCode = await serveUntilStopped(flags);
    });
}

/**
 * Checks the settings and the database, serves until SIGTERM or SIGINT, then stops gracefully.
 * Returns the exit status: 0 after a clean stop, 2 when a setting or the database is unusable.
 */
async function serveUntilStopped(flags: ServeFlags): Promise<number> {
  const config = databaseConfigFor(flags);
  const { server: settings, operations } = serveSettingsFromEnv(process.env);
  // Checked before anything starts, like the rest: a bad LDN_SMART_ISS stops with exit status 2.
  const smart = smartSettingsFromEnv(process.env);
  const port = flags.port ?? (process.env.PORT ? parsePositiveInt("PORT", 65_535)(process.env.PORT) : 3000);
  const logger = createLogger(operations.logLevel);
  const where = config.kind === "sqlite" ? config.path : "PostgreSQL (DATABASE_URL)";
  const problem = config.kind === "sqlite" ? sqliteWriteProblem(config.path) : null;
  if (problem) {
    process.stderr.write(`ldn: ${problem}\n`);
    return EXIT_USAGE;
  }
  const metrics = createMetrics();
  let store: Store;
  try {
    store = await openStore(config, {
      onCommitBatch: (n) => metrics.commitBatch(n),
      backgroundCheckpoints: { warn: (message) => logger.warn(message) },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ldn: cannot open the database ${where}: ${message}\n`);
    return EXIT_USAGE;
  }
  if (flags.demo) say((await fillDemoClinic(store)).message);
  const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
  const { app, services } = buildServer({
    store,
    settings,
    log: (message, reqId) => logger.error(reqId === undefined ? {} : { reqId }, message),
    middleware: [requestLog(logger, metrics)],
    smart,
  });
  const { server, port: bound } = await listen(app, port, flags.host);
  // Email reminders: sent from the outbox, so a restart resumes where it stands.
  const mail = startMailDispatcher(services, { log: (m) => logger.warn(m) });
  // Each clinic's dashboard lines made for the day ahead of its first read (docs/scaling.md).
  const lines = startDashboardLineKeeper(services, { log: (m) => logger.warn(m) });
  const scrape =
    operations.metricsPort === null
      ? null
      : await listenMetrics(metrics, operations.metricsPort, operations.metricsHost);
  const listening = listeningLine(flags.host, bound, where);
  const metricsAt = scrape ? `${operations.metricsHost}:${operations.metricsPort}` : null;
  logger.info({ port: bound, database: where, metrics: metricsAt }, listening);
  say(`${listening}\n${metricsAt ? `Metrics on http://${metricsAt}/metrics. ` : ""}Ctrl-C stops it.`);
  if (clinics.length === 0) say(FIRST_ADMINISTRATOR_ADVICE);
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  logger.info({ signal }, "stopping");
  say(STOPPING);
  const how = await closeGracefully(server as Server, operations.shutdownSeconds * 1000);
  scrape?.close();
  await mail.stop();
  await lines.stop();
  await store.close();
  logger.info({ how }, "stopped");
  say(stoppedLine(how));
  return 0;
}
