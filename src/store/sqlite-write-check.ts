/**
 * Before a server starts on a SQLite file: can it write there? A server that starts on a file
 * it cannot write answers every login with an error; better to stop at once and say where and
 * why (issue 14, item 5).
 */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";

/** What the system's error codes mean, in words an operator reads. */
const CAUSES: Readonly<Record<string, string>> = {
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  ENOTDIR: "a part of the path is not a folder",
  SQLITE_READONLY: "the file is read-only to SQLite",
  SQLITE_CANTOPEN: "SQLite cannot open the file",
  SQLITE_NOTADB: "the file is not a SQLite database",
  SQLITE_CORRUPT: "the file is damaged",
  SQLITE_FULL: "the disk is full",
};

function cause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text = typeof code === "string" ? CAUSES[code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1")] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return text === undefined ? message : `${text} (${code as string}: ${message})`;
}

/**
 * Null when the server can create or write `path`; else one line naming the path and the cause.
 * The folder must be writable too: SQLite keeps its write-ahead log beside the file. The file,
 * when it exists, is written for real inside a transaction that is then rolled back (root
 * passes every permission check, a read-only mount does not).
 *
 * @example sqliteWriteProblem("/srv/ldn/ldn.sqlite") // "cannot write /srv/ldn: read-only file system (EROFS: ...)"
 */
export function sqliteWriteProblem(path: string): string | null {
  const file = resolve(path);
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    return `cannot create the folder ${folder} for the database ${file}: ${cause(error)}`;
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    return `cannot write in the folder ${folder} (the database ${file} keeps its log there): ${cause(error)}`;
  }
  if (!existsSync(file)) return null;
  let native: BetterSqlite3.Database | undefined;
  try {
    native = new BetterSqlite3(file, { fileMustExist: true });
    native.exec("BEGIN IMMEDIATE");
    const version = native.pragma("user_version", { simple: true }) as number;
    native.pragma(`user_version = ${version}`); // a real write, undone below
    native.exec("ROLLBACK");
    return null;
  } catch (error) {
    return `cannot write the database ${file}: ${cause(error)}`;
  } finally {
    native?.close();
  }
}
