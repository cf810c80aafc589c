/** `ldn fhir export` and `ldn fhir import` name a database file that is not there (as `ldn backup` does) and create none. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-fhir-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ldn fhir on a database file that is not there", () => {
  it("export says there is no database at that path, exit 2, and creates none", async () => {
    const missing = join(dir, "nonexistent", "x.sqlite");
    const result = await runCli(["fhir", "export", "--db", missing, "--out", join(dir, "out")]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `ldn: no database at ${missing}\n` });
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("import says the same before enrolling anyone", async () => {
    const missing = join(dir, "x.sqlite");
    const bundle = join(dir, "bundle.json");
    writeFileSync(
      bundle,
      JSON.stringify({
        resourceType: "Bundle",
        type: "collection",
        entry: [
          { resource: { resourceType: "Patient", name: [{ text: "A. Patient" }], birthDate: "1970-01-01" } },
        ],
      }),
    );
    const result = await runCli(["fhir", "import", bundle, "--db", missing]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `ldn: no database at ${missing}\n` });
    expect(existsSync(missing)).toBe(false);
  });
});
