/** `ldn backup`: a consistent copy of a live SQLite database. */
import { randomUUID } from "node:crypto";
import { existsSync, rmSync, statSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { notFound, refused } from "../domain/errors.ts";
import { fsyncPath, placeFile } from "./sqlite-files.ts";

/**
 * Copies the database at `source` to `target` while it stays in use.
 *
 * `VACUUM INTO` rather than the online backup API: it copies from one read transaction, so the
 * copy is the database exactly as of one commit, and in WAL mode the server keeps writing
 * meanwhile. (The backup API restarts whenever another connection writes, which under a steady
 * stream of check-ins may never finish.) The copy is written beside the target under a
 * temporary name, flushed, then moved into place, so a half-written backup never carries the
 * target's name.
 *
 * @example
 * backupSqlite("./data/ldn.sqlite", "./backups/2027-01-04.sqlite", { overwrite: false });
 */
export function backupSqlite(
  source: string,
  target: string,
  options: { readonly overwrite: boolean },
): { readonly bytes: number } {
  if (!existsSync(source)) throw notFound("database", `no database at ${source}`);
  if (!options.overwrite && existsSync(target)) {
    throw refused(`${target} already exists; pass --force to overwrite it`);
  }
  const tmp = `${target}.partial-${randomUUID()}`;
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("VACUUM INTO ?").run(tmp);
  } finally {
    db.close();
  }
  try {
    fsyncPath(tmp);
    placeFile(tmp, target, options);
  } catch (error) {
    rmSync(tmp, { force: true });
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw refused(`${target} already exists; pass --force to overwrite it`);
    }
    throw error;
  }
  return { bytes: statSync(target).size };
}
