/**
 * Builds the web app into web/dist with esbuild: one minified ES module (app.js), the CSS and
 * index.html, and what makes it an installable app: the manifest, its icons and the service
 * worker (sw.js, named by the build's contents so a new build replaces the cached shell).
 * Prints the sizes; `--check` fails when app.js is over the budget.
 * Run: `npm run build:web`.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ICON_SVG, iconPng } from "./app-icons.ts";

/**
 * The page's JavaScript budget (minified): a slow phone on a slow network still starts fast.
 * 110 kB minified is about 33 kB gzipped; it was 80 kB before the pharmacist's queue, the
 * patient's history and the clinician's screening history joined the one bundle.
 */
export const JS_BUDGET_BYTES = 110 * 1024;

const root = resolve(import.meta.dirname, "..");
const out = join(root, "web/dist");

/** The files the service worker caches as the app shell: their hash names its cache. */
const SHELL = ["index.html", "app.js", "app.css", "manifest.webmanifest", "icon.svg"];

/** sw.js, outside app.js and its budget: the browser fetches it on its own. */
async function buildServiceWorker(): Promise<void> {
  const hash = createHash("sha256");
  for (const file of SHELL) hash.update(readFileSync(join(out, file)));
  await build({
    entryPoints: [join(root, "web/src/sw.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    outfile: join(out, "sw.js"),
    define: { SHELL_VERSION: JSON.stringify(hash.digest("hex").slice(0, 12)) },
    legalComments: "none",
    logLevel: "warning",
  });
}

/** @example const { bytes, gzipBytes } = await buildWeb(); */
export async function buildWeb(): Promise<{ bytes: number; gzipBytes: number }> {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, "web/src/main.tsx")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    outfile: join(out, "app.js"),
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(root, "web/index.html"), join(out, "index.html"));
  copyFileSync(join(root, "web/app.css"), join(out, "app.css"));
  copyFileSync(join(root, "web/manifest.webmanifest"), join(out, "manifest.webmanifest"));
  writeFileSync(join(out, "icon.svg"), ICON_SVG);
  for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), iconPng(size));
  await buildServiceWorker();
  const js = readFileSync(join(out, "app.js"));
  return { bytes: js.length, gzipBytes: gzipSync(js).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, gzipBytes } = await buildWeb();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `web/dist/app.js: ${kb(bytes)} minified, ${kb(gzipBytes)} gzipped (budget ${kb(JS_BUDGET_BYTES)} minified)`,
  );
  if (process.argv.includes("--check") && bytes > JS_BUDGET_BYTES) {
    console.error(`app.js is over its budget by ${kb(bytes - JS_BUDGET_BYTES)}`);
    process.exit(1);
  }
}
