/** `ldn restore`: puts a checked backup in place of the live SQLite file. */
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { refused } from "../domain/errors.ts";
import { checkSqliteFile } from "./check-sqlite-file.ts";
import { SQLITE_SIDE_FILES, fsyncPath, placeFile } from "./sqlite-files.ts";

/**
 * Replaces the database at `target` with the backup at `source`, after `checkSqliteFile`
 * passes. The current database, with its `-wal` and `-shm` files, is kept beside it as
 * `<target>.before-restore-<stamp>`: moving the WAL away matters, because SQLite would otherwise
 * replay the old database's write-ahead log into the restored file and corrupt it.
 *
 * The server must be stopped first: a running server keeps writing to the file it opened.
 *
 * @example
 * const { keptAs } = await restoreSqlite("./backups/2027-01-04.sqlite", "./data/ldn.sqlite", new Date());
 */
export async function restoreSqlite(
  source: string,
  target: string,
  now: Date,
): Promise<{ readonly keptAs: string | null }> {
  const check = await checkSqliteFile(source);
  if (!check.ok) throw refused(`${source} failed its checks: ${check.problems.join("; ")}`);

  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.restoring-${randomUUID()}`;
  copyFileSync(source, tmp);
  fsyncPath(tmp);

  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAs);
  }
  for (const suffix of SQLITE_SIDE_FILES) {
    if (!existsSync(target + suffix)) continue;
    if (keptAs) renameSync(target + suffix, keptAs + suffix);
    else rmSync(target + suffix);
  }
  placeFile(tmp, target, { overwrite: true });
  return { keptAs };
}
