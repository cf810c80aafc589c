/**
 * Dependencies point inward only (architecture: domain <- app <- {store, http, fhir, cli}).
 * This test reads every source file's imports and fails on one pointing the wrong way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** The layers each layer may import, besides itself and packages. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  app: ["domain"],
  store: ["domain", "app"],
  http: ["domain", "app", "store", "documents"],
  fhir: ["domain", "app"],
  documents: ["domain"],
  cli: ["domain", "app", "store", "http", "fhir", "documents"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
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

  it("has no import that points outward", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+["'](\.[^"']+)["']/g)) {
        const target = layerOf(resolve(dirname(file), m[1]!));
        if (target !== layer && !ALLOWED[layer]?.includes(target))
          wrong.push(`${relative(SRC, file)} -> ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps the domain free of Node built-ins", () => {
    const offenders = files
      .filter((f) => layerOf(f) === "domain" && !f.endsWith(".test.ts"))
      .filter((f) => /from\s+["']node:/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
