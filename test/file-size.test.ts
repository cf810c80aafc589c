/**
 * No source or test file over 400 lines (CONTRIBUTING.md, docs/architecture.md): a file that
 * long holds more than one concept, and a test file that long is one nobody can carry on.
 * Every TypeScript file of the code, the web app, the tests, the benchmarks and the scripts
 * counts, tests (`*.test.ts`) included; split by concept, with shared setup in a helper beside.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const FOLDERS = ["src", "web/src", "e2e", "test", "bench", "scripts"];
const MAX_LINES = 400;

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "node_modules"
        ? []
        : typeScriptFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Lines as `wc -l` counts them: line ends. */
const lineCount = (file: string) => readFileSync(file, "utf8").split("\n").length - 1;

describe("file size", () => {
  const files = FOLDERS.flatMap((f) => typeScriptFiles(join(ROOT, f)));

  it("reads the source and the test files", () => {
    expect(files.filter((f) => f.endsWith(".test.ts")).length).toBeGreaterThan(50);
    expect(files.filter((f) => !f.endsWith(".test.ts")).length).toBeGreaterThan(100);
  });

  it(`keeps every source and test file at ${MAX_LINES} lines or fewer`, () => {
    const over = files
      .map((f) => ({ file: relative(ROOT, f), lines: lineCount(f) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over).toEqual([]);
  });
});
