/**
 * Builds the server and the CLI to JavaScript, so production runs plain `node` with no
 * TypeScript compiler at run time: dist/cli/ldn.js (from src/cli/main.ts) and the assessment
 * worker beside it (assess-pool.ts starts `./assess-worker.js` next to itself when built).
 * Packages stay external (better-sqlite3 is native; pg, pdfkit and the rest are read from
 * node_modules as they are). dist/cli is two folders down from the checkout, as src/http is,
 * so the web app is found at ../../web/dist from either.
 * Run: `npm run build:server`.
 */
import { chmodSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist/cli");

const started = performance.now();
await build({
  entryPoints: {
    ldn: join(root, "src/cli/main.ts"),
    "assess-worker": join(root, "src/cli/commands/assess-worker.ts"),
  },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
chmodSync(join(outdir, "ldn.js"), 0o755);
const kb = (file: string) => (statSync(join(outdir, file)).size / 1024).toFixed(0);
console.log(
  `dist/cli/ldn.js ${kb("ldn.js")} kB, dist/cli/assess-worker.js ${kb("assess-worker.js")} kB ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
