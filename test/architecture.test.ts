/**
 * Dependencies point inward only (architecture: domain <- app <- {store, http, fhir, cli}).
 * This test reads every source file's imports and fails on one pointing the wrong way; the CLI
 * reaches the HTTP layer only to serve, and the web app only for the API's types.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");
const WEB = resolve(import.meta.dirname, "../web/src");

/** The layers each layer may import, besides itself and packages. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  app: ["domain"],
  store: ["domain", "app"],
  // FHIR out of the API: the routes serve the mapping's Bundles, as the CLI writes its files.
  http: ["domain", "app", "store", "documents", "crypto", "fhir"],
  fhir: ["domain", "app"],
  documents: ["domain"],
  // Password hashing with node:crypto, behind the app's PasswordHasher port.
  crypto: ["domain", "app"],
  cli: ["domain", "app", "store", "http", "fhir", "documents", "crypto"],
};

/** The CLI files that may import the HTTP layer: `ldn serve`'s, which start the server; nothing else. */
const CLI_SERVES = /^cli\/commands\/serve[\w-]*\.ts$/;

/** Where the web app may import from outside web/: the API's request and response types. */
const WEB_MAY_SEE = ["http/api/", "http/routes/"];

/** Every relative import in a file: the statement's text and where it points. */
function importsOf(file: string): { statement: string; target: string }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["'](\.[^"']+)["']/g)].map((m) => ({
    statement: m[0],
    target: resolve(dirname(file), m[1]!),
  }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function layerOf(file: string): string {
  return relative(SRC, file).split("/")[0]!;
}

describe("architecture", () => {
  const files = sourceFiles(SRC);

  it("knows every top-level folder of src as a layer", () => {
    expect([...new Set(files.map(layerOf))].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it("has no import that points outward (integration tests may assemble the real adapters)", () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => !f.endsWith(".int.test.ts"))) {
      const layer = layerOf(file);
      for (const { target } of importsOf(file)) {
        const to = layerOf(target);
        if (to !== layer && !ALLOWED[layer]?.includes(to))
          wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lets the CLI reach the HTTP layer only to serve (tests may drive the server they start)", () => {
    const wrong = files
      .filter((f) => layerOf(f) === "cli" && !/\.test\.ts$/.test(f) && !CLI_SERVES.test(relative(SRC, f)))
      .flatMap((f) => importsOf(f).map((i) => [f, relative(SRC, i.target)] as const))
      .filter(([, to]) => to.startsWith("http/"))
      .map(([f, to]) => `${relative(SRC, f)} -> ${to}`);
    expect(wrong).toEqual([]);
  });

  it("lets the web app import only the API's types from the server's code", () => {
    const web = sourceFiles(WEB);
    expect(web.length).toBeGreaterThan(10);
    const wrong = web
      .flatMap((f) => importsOf(f).map((i) => ({ file: f, ...i })))
      .filter(({ target }) => !target.startsWith(`${WEB}/`))
      .filter(({ statement, target }) => {
        const inSrc = relative(SRC, target);
        const typeOnly = /^(?:import|export)\s+type\s/.test(statement);
        return !typeOnly || !WEB_MAY_SEE.some((dir) => inSrc.startsWith(dir));
      })
      .map(({ file, target }) => `${relative(WEB, file)} -> ${relative(WEB, target)}`);
    expect(wrong).toEqual([]);
  });

  it("keeps the domain free of Node built-ins", () => {
    const offenders = files
      .filter((f) => layerOf(f) === "domain" && !f.endsWith(".test.ts"))
      .filter((f) => /from\s+["']node:/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
