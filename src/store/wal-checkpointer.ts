/**
 * The SQLite write-ahead log checkpointed in a worker thread, not in the server's commits.
 *
 * Left to SQLite, the connection that commits copies the WAL back into the database file
 * whenever the log passes 1,000 pages, and syncs both files as it does, inside that COMMIT on the
 * event loop: in bench/check-in-statements.ts a commit of ten check-ins took 1.18 to 1.25 ms
 * with those checkpoints and 0.58 ms with this worker's (30,000 check-ins, two pairs), and every
 * request waited while it ran. Here a second connection in a worker thread runs a PASSIVE checkpoint every
 * `intervalMs` (it never waits for the writer or a reader, and SQLite makes it safe against both:
 * https://sqlite.org/c3ref/wal_checkpoint_v2.html). The writer keeps a far larger automatic
 * checkpoint as a backstop, so the log stays bounded even if the worker falls behind or stops.
 *
 * The worker's code is this file's `checkpointLoop`, sent as source (no module to find or bundle:
 * the same in a checkout run through tsx and in the built dist/cli/ldn.js); it loads
 * better-sqlite3 from the path resolved here.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/** How often the worker checkpoints: at 1,500 check-ins a second, about 600 pages each time. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * The writer's own automatic checkpoint while a worker checkpoints: only a backstop, 10 times
 * SQLite's default of 1,000 pages (about 40 MB of log), reached only if the worker falls behind.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

/** SQLite's own automatic checkpoint (https://sqlite.org/pragma.html#pragma_wal_autocheckpoint). */
export const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

export interface WalCheckpointer {
  /** Stops the worker after its last checkpoint; resolves once its connection is closed. */
  stop(): Promise<void>;
}

interface LoopData {
  readonly driver: string;
  readonly path: string;
  readonly intervalMs: number;
}

/** What the worker says: a checkpoint failing (its message), or working again (null). */
interface LoopReport {
  readonly failed: string | null;
}

/**
 * Starts checkpointing the WAL of the SQLite file at `path`, whose writer is `writer`.
 * `warn` hears when checkpoints start failing (once, not at every try: a full disk would
 * otherwise fill the log ten lines a second), and when they work again; meanwhile the
 * backstop keeps the log bounded.
 *
 * @example const checkpoints = startWalCheckpointer(native, "./data/ldn.sqlite", console.warn);
 */
export function startWalCheckpointer(
  writer: BetterSqlite3.Database,
  path: string,
  warn: (message: string) => void,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): WalCheckpointer {
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const workerData: LoopData = {
    driver: createRequire(import.meta.url).resolve("better-sqlite3"),
    path,
    intervalMs,
  };
  const worker = new Worker(`${NAME_SHIM}(${checkpointLoop.toString()})(require);`, {
    eval: true,
    workerData,
  });
  worker.on("message", (message: LoopReport) =>
    warn(
      message.failed === null
        ? "WAL checkpoints in the background work again"
        : `WAL checkpoint in the background failed: ${message.failed} (the writer checkpoints past ${BACKSTOP_AUTOCHECKPOINT_PAGES} pages meanwhile)`,
    ),
  );
  worker.on("error", (error) => warn(`WAL checkpoint worker stopped: ${error.message}`));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      // Held from here: unreferenced, the process could exit before the worker had stopped.
      worker.ref();
      worker.postMessage("stop");
      await exited;
      writer.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}

/**
 * tsx (a checkout's run) compiles with esbuild's keepNames, which wraps inner functions in a
 * `__name(fn, "name")` helper defined at the top of the module, not in the function's source.
 */
const NAME_SHIM = "var __name = (fn) => fn;";

/**
 * The worker's whole program, run from its source text: it may use only its argument and the
 * worker's globals (nothing imported above is in scope there).
 */
function checkpointLoop(load: NodeJS.Require): void {
  const { parentPort, workerData } = load("node:worker_threads") as typeof import("node:worker_threads");
  const { driver, path, intervalMs } = workerData as LoopData;
  const Database = load(driver) as typeof BetterSqlite3;
  const connection = new Database(path, { fileMustExist: true });
  let failing: string | null = null;
  const checkpoint = (): void => {
    let failed: string | null = null;
    try {
      connection.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      failed = error instanceof Error ? error.message : String(error);
    }
    if (failed !== failing) parentPort!.postMessage({ failed } satisfies LoopReport);
    failing = failed;
  };
  const timer = setInterval(checkpoint, intervalMs);
  parentPort!.on("message", () => {
    clearInterval(timer);
    checkpoint();
    connection.close();
    parentPort!.close();
  });
}
