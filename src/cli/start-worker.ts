/**
 * Starts a worker thread on one of the CLI's TypeScript modules. Run from a checkout, ldn is
 * TypeScript loaded through tsx, and on Node 20 a worker thread does not get tsx's loader:
 * neither the parent's `--import tsx` nor `module.register` inside the worker makes it load
 * a .ts file. So the module and everything it imports are bundled into one script with
 * esbuild (already a dependency: it builds the web app), once per process, in memory, in
 * a few tenths of a second, and the worker runs that. A module already built to
 * JavaScript is started as it is.
 */
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const bundles = new Map<string, string>();

/**
 * A worker running `module` (a file URL, e.g. `new URL("./x-worker.ts", import.meta.url)`).
 *
 * @example const worker = startWorker(new URL("./assess-worker.ts", import.meta.url));
 */
export function startWorker(module: URL): Worker {
  if (!module.pathname.endsWith(".ts")) return new Worker(module);
  return new Worker(bundled(fileURLToPath(module)), { eval: true });
}

function bundled(path: string): string {
  let code = bundles.get(path);
  if (code === undefined) {
    const result = buildSync({
      entryPoints: [path],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "silent",
    });
    code = result.outputFiles[0]!.text;
    bundles.set(path, code);
  }
  return code;
}
