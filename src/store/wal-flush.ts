/**
 * The disk flush of a SQLite commit, made off the event loop.
 *
 * With `synchronous=FULL`, better-sqlite3 runs SQLite in this thread and its COMMIT waits there
 * for the fsync of the write-ahead log: the whole server stood still for every flush (a fifth of
 * a check-in's time in bench/check-in.ts's CPU profile). With `synchronous=NORMAL` the COMMIT
 * only hands the WAL frames to the operating system; this then fdatasyncs the WAL file on
 * libuv's thread pool, and the driver (immediate-sqlite-dialect.ts) returns from the commit only
 * once that flush is done. What is answered is as durable as with FULL, which is this same sync
 * of the same file after the commit's frames are written (https://sqlite.org/pragma.html#pragma_synchronous);
 * checkpoints still sync the WAL before and the database after, as NORMAL does.
 */
import { open, type FileHandle } from "node:fs/promises";

export interface WalFlush {
  /** Flushes what was written to the WAL so far; resolves once it is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * @example const wal = walFlush("./data/ldn.sqlite"); await wal.flush();
 */
export function walFlush(databasePath: string): WalFlush {
  let file: Promise<FileHandle> | undefined;
  return {
    async flush() {
      // Opened at the first flush: the WAL exists once something was written. SQLite keeps the
      // same file while a connection is open (a checkpoint restarts or truncates it in place),
      // and fdatasync flushes the file whichever descriptor names it.
      // No WAL file, nothing written to one (":memory:", or a commit that wrote nothing yet).
      if (databasePath === ":memory:") return;
      file ??= open(`${databasePath}-wal`, "r+");
      try {
        await (await file).datasync();
      } catch (error) {
        file = undefined;
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
    async close() {
      const closing = file;
      file = undefined;
      await (await closing?.catch(() => undefined))?.close();
    },
  };
}
