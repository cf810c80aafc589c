/**
 * `ldn audit verify`: walks the hash-chained audit log and names the first bad event, and checks
 * it against checkpoints kept elsewhere. `ldn audit checkpoint`: prints the chain's head as a
 * checkpoint line, signed with a key kept outside the database.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { notFound, refused } from "../../domain/errors.ts";
import { makeCheckpoint, parseCheckpoints, verifyCheckpoints } from "../../store/audit/checkpoint.ts";
import { verifyAuditChain } from "../../store/audit/verify-audit-chain.ts";
import { withDatabaseAsItIs } from "../../store/audit/verify-database-audit.ts";
import { databaseConfigFor, dbOption, type DatabaseFlags } from "./database-option.ts";

interface CheckpointFlags extends DatabaseFlags {
  readonly keyFile?: string;
  readonly checkpoints?: string;
}

/** The key in a file (its bytes, less a final newline); at least 16 bytes. */
async function readKey(path: string | undefined): Promise<Buffer | undefined> {
  if (path === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw notFound("file", `--key-file: cannot read ${path}`, { field: "--key-file" });
  }
  const key = bytes.subarray(0, bytes.at(-1) === 0x0a ? bytes.length - 1 : bytes.length);
  if (key.length < 16)
    throw refused(`--key-file: the key must be at least 16 bytes (got ${key.length})`, {
      field: "--key-file",
    });
  return key;
}

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
  ldn audit checkpoint --key-file /etc/ldn/audit.key >> /mnt/elsewhere/ldn-checkpoints.jsonl
  ldn audit verify --checkpoints /mnt/elsewhere/ldn-checkpoints.jsonl --key-file /etc/ldn/audit.key
  DATABASE_URL=postgres://ldn@db.example/ldn ldn audit verify`,
    );

  audit
    .command("verify")
    .description("verify the audit log's hash chain; exit 1 naming the first tampered event")
    .addOption(dbOption())
    .option("--checkpoints <file>", "also check the chain against these checkpoints (ldn audit checkpoint)")
    .option("--key-file <file>", "the key the checkpoints were signed with: refuse any not signed with it")
    .addHelpText(
      "after",
      `
Exit status: 0 intact, 1 broken (the first bad event is named), 2 no such database.
The chain alone cannot find the last events deleted with the stored head set back, or an event
rewritten with every later hash recomputed: keep checkpoints elsewhere (ldn audit checkpoint) and
verify against them.

Examples:
  ldn audit verify
  ldn audit verify --db /srv/ldn/ldn.sqlite
  ldn audit verify --checkpoints /mnt/elsewhere/ldn-checkpoints.jsonl --key-file /etc/ldn/audit.key
  DATABASE_URL=postgres://ldn@db.example/ldn ldn audit verify`,
    )
    .action(async (flags: CheckpointFlags) => {
      const key = await readKey(flags.keyFile);
      const checkpoints =
        flags.checkpoints === undefined
          ? undefined
          : parseCheckpoints(await readCheckpointFile(flags.checkpoints), flags.checkpoints);
      const { report, checked } = await withDatabaseAsItIs(databaseConfigFor(flags), async (db) => {
        const report = await verifyAuditChain(db);
        const checked = report.ok && checkpoints ? await verifyCheckpoints(db, checkpoints, key) : undefined;
        return { report, checked };
      });
      if (!report.ok) {
        process.stderr.write(
          `ldn: audit chain broken at event ${report.badId}: ${report.reason} ` +
            `(${report.events} events before it verify)\n`,
        );
        process.exitCode = 1;
        return;
      }
      if (checked && !checked.ok) {
        process.stderr.write(
          `ldn: audit log does not match ${flags.checkpoints} line ${checked.line}: ${checked.reason}\n`,
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `audit chain intact: ${report.events} events, head ${report.headHash}` +
          (checked ? `; ${checked.checked} checkpoint(s) match\n` : "\n"),
      );
    });

  audit
    .command("checkpoint")
    .description("print the audit chain's head as a checkpoint line, to keep outside the database")
    .addOption(dbOption())
    .option(
      "--key-file <file>",
      "sign the checkpoint with this key (HMAC-SHA256; keep it off the database host)",
    )
    .addHelpText(
      "after",
      `
Verifies the chain first (exit 1 when broken, printing nothing). Append the line to a file on
another machine, or publish it; later, ldn audit verify --checkpoints FILE finds any event up
to a checkpoint deleted or rewritten, even with the chain recomputed.

Examples:
  ldn audit checkpoint >> /mnt/elsewhere/ldn-checkpoints.jsonl
  ldn audit checkpoint --key-file /etc/ldn/audit.key | ssh archive 'cat >> ldn-checkpoints.jsonl'`,
    )
    .action(async (flags: CheckpointFlags) => {
      const key = await readKey(flags.keyFile);
      const report = await withDatabaseAsItIs(databaseConfigFor(flags), verifyAuditChain);
      if (!report.ok) {
        process.stderr.write(
          `ldn: audit chain broken at event ${report.badId}: ${report.reason}; no checkpoint\n`,
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${JSON.stringify(makeCheckpoint(report, new Date().toISOString(), key))}\n`);
    });
}

async function readCheckpointFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    throw notFound("file", `--checkpoints: cannot read ${path}`, { field: "--checkpoints" });
  }
}
