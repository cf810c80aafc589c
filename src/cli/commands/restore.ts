/** `ldn restore FILE`: checks a backup and, with --yes, puts it in place of the database. */
import type { Command } from "commander";
import { checkSqliteFile } from "../../store/check-sqlite-file.ts";
import { restoreSqlite } from "../../store/restore-sqlite.ts";
import { dbOption, sqlitePathFor, type DatabaseFlags } from "./database-option.ts";

interface RestoreFlags extends DatabaseFlags {
  readonly yes?: boolean;
}

export function register(program: Command): void {
  program
    .command("restore")
    .description("check a backup and, with --yes, restore it as the SQLite database")
    .argument("<file>", "the backup to restore (made by `ldn backup`)")
    .addOption(dbOption())
    .option("--yes", "really replace the database (without it, only check and say what would happen)")
    .addHelpText(
      "after",
      `
Checks FILE first: integrity_check, migrations no newer than this ldn, audit chain intact.
Without --yes nothing changes. With --yes the current database (and its -wal/-shm) is kept
beside it as <db>.before-restore-<time>. Stop the server before restoring.
Exit status: 0 checked (and restored with --yes), 1 the backup failed a check.

Examples:
  ldn restore backups/ldn-2027-01-04.sqlite
  ldn restore backups/ldn-2027-01-04.sqlite --db /srv/ldn/ldn.sqlite --yes`,
    )
    .action(async (file: string, flags: RestoreFlags) => {
      const target = sqlitePathFor(flags, "restore");
      const check = await checkSqliteFile(file);
      if (!check.ok) {
        process.stderr.write(`ldn: ${file} failed its checks: ${check.problems.join("; ")}\n`);
        process.exitCode = 1;
        return;
      }
      const pending = check.pendingMigrations.length
        ? `; will migrate ${check.pendingMigrations.join(", ")}`
        : "";
      process.stdout.write(
        `checked ${file}: integrity ok, migrations ${check.migrations.join(", ")}${pending}, ` +
          `audit chain intact (${check.auditEvents ?? 0} events, head ${check.auditHeadHash ?? "-"})\n`,
      );
      if (!flags.yes) {
        process.stdout.write(
          `would replace ${target} with ${file}, keeping the current database as ${target}.before-restore-<time>\n` +
            `stop the server, then run again with --yes to restore\n`,
        );
        return;
      }
      const { keptAs } = await restoreSqlite(file, target, new Date());
      process.stdout.write(
        `restored ${target} from ${file}` +
          (keptAs ? `; the previous database is kept as ${keptAs}\n` : "\n"),
      );
    });
}
