/** `ldn backup FILE`: a consistent copy of the live SQLite database, checked after it is made. */
import type { Command } from "commander";
import { backupSqlite } from "../../store/backup-sqlite.ts";
import { checkSqliteFile } from "../../store/check-sqlite-file.ts";
import { dbOption, sqlitePathFor, type DatabaseFlags } from "./database-option.ts";

interface BackupFlags extends DatabaseFlags {
  readonly force?: boolean;
}

export function register(program: Command): void {
  program
    .command("backup")
    .description("copy the live SQLite database to FILE, consistently, while the server runs")
    .argument("<file>", "where to write the copy")
    .addOption(dbOption())
    .option("--force", "overwrite FILE if it exists")
    .addHelpText(
      "after",
      `
The copy is one consistent snapshot (SQLite VACUUM INTO); the server may keep running.
It is checked after it is written: integrity_check, migrations and the audit chain.
For PostgreSQL (DATABASE_URL) use pg_dump.

Examples:
  ldn backup backups/ldn-2027-01-04.sqlite
  ldn backup --db /srv/ldn/ldn.sqlite /mnt/backup/ldn.sqlite --force`,
    )
    .action(async (file: string, flags: BackupFlags) => {
      const source = sqlitePathFor(flags, "backup");
      const { bytes } = backupSqlite(source, file, { overwrite: flags.force === true });
      const check = await checkSqliteFile(file);
      if (!check.ok) {
        process.stderr.write(`ldn: the backup at ${file} failed its checks: ${check.problems.join("; ")}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `backed up ${source} to ${file} (${bytes} bytes): integrity ok, ` +
          `audit chain intact (${check.auditEvents ?? 0} events, head ${check.auditHeadHash ?? "-"})\n`,
      );
    });
}
