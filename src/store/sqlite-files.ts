/** File-level helpers for SQLite backups: durable writes and no-clobber placement. */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Flushes a file (or a directory, after a rename in it) to disk, so a backup reported as made
 * survives a power cut.
 *
 * @example
 * fsyncPath("./backups/ldn-2027-01-04.sqlite");
 */
export function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves a finished temporary file to `target`. Without `overwrite` it uses a hard link, which
 * fails if `target` exists, so two backups racing for one name never clobber each other.
 *
 * @example
 * placeFile(tmp, "backup.sqlite", { overwrite: false }); // throws EEXIST if backup.sqlite exists
 */
export function placeFile(tmp: string, target: string, options: { readonly overwrite: boolean }): void {
  if (options.overwrite) {
    renameSync(tmp, target);
  } else {
    linkSync(tmp, target);
    rmSync(tmp);
  }
  fsyncPath(dirname(target));
}

/** The files SQLite keeps beside a database in WAL mode. */
export const SQLITE_SIDE_FILES = ["-wal", "-shm"] as const;
