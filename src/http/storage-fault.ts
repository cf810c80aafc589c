/**
 * Faults of the database rather than of the request: a full disk, a lock held too long, a
 * connection lost. They are not error codes a route raises on purpose (errors.ts), so they are
 * recognised here by the driver's own codes, and answered 503 with Retry-After: the request was
 * fine and nothing stored was lost; the same request can succeed later.
 */

export type StorageFaultKind = "disk_full" | "busy" | "read_only" | "unreachable";

export interface StorageFault {
  readonly kind: StorageFaultKind;
  /** Seconds before trying again (operations setting, not a clinical fact). */
  readonly retryAfterSeconds: number;
  readonly message: string;
}

/**
 * A lock is usually released within the busy timeout (5 s): try again soon. A full or
 * read-only disk needs an operator: a minute. A lost connection: a few seconds for a restart.
 */
const FAULTS: Readonly<Record<StorageFaultKind, Omit<StorageFault, "kind">>> = {
  disk_full: {
    retryAfterSeconds: 60,
    message: "The server's disk is full; nothing was changed. Try again later",
  },
  busy: {
    retryAfterSeconds: 2,
    message: "The database is busy; nothing was changed. Try again in a moment",
  },
  read_only: {
    retryAfterSeconds: 60,
    message: "The database cannot be written just now; nothing was changed. Try again later",
  },
  unreachable: {
    retryAfterSeconds: 5,
    message: "The database cannot be reached just now; nothing was changed. Try again shortly",
  },
};

/** SQLite's result codes (better-sqlite3 `SqliteError.code`, extended codes start with these). */
const SQLITE: readonly (readonly [string, StorageFaultKind])[] = [
  ["SQLITE_FULL", "disk_full"],
  ["SQLITE_BUSY", "busy"],
  ["SQLITE_LOCKED", "busy"],
  ["SQLITE_READONLY", "read_only"],
];

/** PostgreSQL SQLSTATEs (appendix A of its manual) and Node's socket errors. */
const POSTGRES: Readonly<Record<string, StorageFaultKind>> = {
  "53100": "disk_full", // disk_full
  "53200": "busy", // out_of_memory
  "53300": "busy", // too_many_connections
  "55P03": "busy", // lock_not_available
  "40001": "busy", // serialization_failure
  "40P01": "busy", // deadlock_detected
  "25006": "read_only", // read_only_sql_transaction (a standby)
  "57P01": "unreachable", // admin_shutdown
  "57P03": "unreachable", // cannot_connect_now
  ECONNREFUSED: "unreachable",
  ECONNRESET: "unreachable",
  ENOSPC: "disk_full",
  EROFS: "read_only",
};

/**
 * The fault an error stands for, or null when it is not a storage fault.
 *
 * @example storageFault(sqliteFullError)?.retryAfterSeconds // 60
 */
export function storageFault(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  const kind =
    SQLITE.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1] ?? POSTGRES[code];
  if (kind === undefined) {
    // Connection-class SQLSTATEs (08xxx): the server went away.
    if (/^08[0-9A-Z]{3}$/.test(code)) return { kind: "unreachable", ...FAULTS.unreachable };
    return null;
  }
  return { kind, ...FAULTS[kind] };
}
