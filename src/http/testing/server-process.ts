/**
 * The real server as a child process, for tests that must kill it (`kill -9`) or load it over a
 * socket: `node --import tsx src/cli/main.ts serve`, with the PID of the node process itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves when the process has exited (after a kill). */
  readonly exited: Promise<void>;
}

/**
 * Starts `ldn serve` on `db` and `port`; resolves once it says it is listening. `db` is a
 * SQLite file, or a `postgres://` URL given to the server as `DATABASE_URL`.
 *
 * @example const server = await startServerProcess(dbPath, await freePort());
 * @example const server = await startServerProcess("postgres://postgres@127.0.0.1/ldn_x", await freePort());
 */
export function startServerProcess(
  db: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const postgres = db.startsWith("postgres://");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "serve",
      ...(postgres ? [] : ["--db", db]),
      "--port",
      String(port),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, DATABASE_URL: postgres ? db : "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return new Promise((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`server did not start in 90 s: ${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ldn clinic server on")) {
        clearTimeout(timer);
        done({ child, url: `http://127.0.0.1:${port}`, exited });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before listening: ${out}`));
    });
  });
}
