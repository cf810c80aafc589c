/** The documentation that is made from the code says what the code does. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../src/http/routes/index.ts";
import { routeTable, tableCells, tableIn } from "../src/http/route-table.ts";

const read = (path: string) => readFileSync(resolve(import.meta.dirname, "..", path), "utf8");

describe("docs/api.md", () => {
  it("lists every route of the server, as the route list says (npx tsx scripts/api-table.ts --write)", () => {
    expect(tableCells(tableIn(read("docs/api.md")))).toEqual(tableCells(routeTable(ROUTES)));
  });

  it("names every route once", () => {
    const rows = tableCells(tableIn(read("docs/api.md"))).map(([method, path]) => `${method} ${path}`);
    for (const r of ROUTES)
      expect(rows.filter((row) => row === `${r.method.toUpperCase()} \`${r.path}\``)).toHaveLength(1);
  });
});

describe("the README", () => {
  it("is a front door of about 200 lines that links to each page of docs/ and CONTRIBUTING.md", () => {
    const readme = read("README.md");
    expect(readme.split("\n").length).toBeLessThanOrEqual(210);
    for (const page of ["docs/command-line.md", "docs/api.md", "docs/architecture.md", "CONTRIBUTING.md"])
      expect(readme).toContain(`](${page})`);
  });

  it("links only to files that exist, from every page of the documentation", () => {
    const pages = ["README.md", "CONTRIBUTING.md"].concat(
      readdirSync(resolve(import.meta.dirname, "../docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    );
    const broken: string[] = [];
    for (const page of pages)
      for (const m of read(page).matchAll(/(?:\]\(|src=")([^)"#\s]+)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // http:, https:, mailto:, webcal:
        if (!existsSync(resolve(import.meta.dirname, "..", dirname(page), target)))
          broken.push(`${page} -> ${target}`);
      }
    expect(broken).toEqual([]);
  });
});
