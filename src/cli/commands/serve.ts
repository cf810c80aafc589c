/** `ldn serve`: the clinic server (HTTP API and web app) on SQLite or PostgreSQL. */
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { buildServer, listen, startMailDispatcher } from "../../http/server.ts";
import { serverSettingsFromEnv } from "../../http/settings.ts";
import { openStore } from "../../store/sql-store.ts";
import { parsePositiveInt } from "../output.ts";
import { databaseConfigFor, dbOption, type DatabaseFlags } from "./database-option.ts";
import { fillDemoClinic } from "../demo/fill-demo-clinic.ts";

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
    .option("--demo", "fill a demo clinic with synthetic patients in every state (once)", false)
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
The database is --db, else DATABASE_URL (postgres://...), else ./data/ldn.sqlite.
Security settings (clinic settings, not published facts): LDN_SESSION_IDLE_MINUTES (30),
LDN_SESSION_MAX_HOURS (12), LDN_INVITATION_DAYS (7), LDN_LOGIN_FAILURES (5) per
LDN_LOGIN_WINDOW_MINUTES (15); LDN_SECURE_COOKIES=1 behind TLS, LDN_TRUST_PROXY=1 behind a
reverse proxy that sets X-Forwarded-Proto.
Email reminders go through the SMTP server the administrator sets in the web app; its password
is LDN_SMTP_PASSWORD (never stored in the database); LDN_MAIL_POLL_SECONDS (30) says how often
the outbox is sent.

Examples:
  ldn serve
  ldn serve --demo
  PORT=8080 DATABASE_URL=postgres://ldn@db.example/ldn ldn serve --host 0.0.0.0`,
    )
    .action(async (flags: ServeFlags) => {
      const config = databaseConfigFor(flags);
      const settings = serverSettingsFromEnv(process.env);
      const store = await openStore(config);
      const where = config.kind === "sqlite" ? config.path : "PostgreSQL (DATABASE_URL)";
      if (flags.demo) {
        const demo = await fillDemoClinic(store);
        process.stdout.write(demo.message + "\n");
      }
      const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
      const port =
        flags.port ?? (process.env.PORT ? parsePositiveInt("PORT", 65_535)(process.env.PORT) : 3000);
      const { app, services } = buildServer({ store, settings });
      const { server, port: bound } = await listen(app, port, flags.host);
      // Email reminders: sent from the outbox, so a restart resumes where it stands.
      const mail = startMailDispatcher(services, { log: (m) => process.stderr.write(m + "\n") });
      process.stdout.write(`ldn clinic server on http://${flags.host}:${bound} (database: ${where})\n`);
      if (clinics.length === 0) {
        process.stdout.write(
          "No clinic yet. Create the first administrator (in another terminal):\n" +
            '  npm run ldn -- admin create --clinic "Riverside Pain Clinic" --email admin@clinic.example --name "A. Admin"\n' +
            "or start with `npm start -- --demo` to look around a demo clinic.\n",
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await mail.stop();
      await store.close();
    });
}
