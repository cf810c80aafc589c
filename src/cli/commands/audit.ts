/** `ldn audit verify`: walks the hash-chained audit log and names the first bad event. */
import type { Command } from "commander";
import { verifyDatabaseAudit } from "../../store/audit/verify-database-audit.ts";
import { databaseConfigFor, dbOption, type DatabaseFlags } from "./database-option.ts";

export function register(program: Command): void {
  const audit = program
    .command("audit")
    .description("check the audit log")
    // Set before adding subcommands, which copy it: a usage error must return, not exit the process.
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  ldn audit verify
  DATABASE_URL=postgres://ldn@db.example/ldn ldn audit verify`,
    );

  audit
    .command("verify")
    .description("verify the audit log's hash chain; exit 1 naming the first tampered event")
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
Exit status: 0 intact, 1 broken (the first bad event is named), 2 no such database.
Keep the printed head hash somewhere else: a later run printing a different head for the
same number of events means the log was rewritten from some event on.

Examples:
  ldn audit verify
  ldn audit verify --db /srv/ldn/ldn.sqlite
  DATABASE_URL=postgres://ldn@db.example/ldn ldn audit verify`,
    )
    .action(async (flags: DatabaseFlags) => {
      const report = await verifyDatabaseAudit(databaseConfigFor(flags));
      if (report.ok) {
        process.stdout.write(`audit chain intact: ${report.events} events, head ${report.headHash}\n`);
        return;
      }
      process.stderr.write(
        `ldn: audit chain broken at event ${report.badId}: ${report.reason} ` +
          `(${report.events} events before it verify)\n`,
      );
      process.exitCode = 1;
    });
}
