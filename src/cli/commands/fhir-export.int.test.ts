import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemsOf } from "../../fhir/validate.testing.ts";
import { openStore } from "../../store/sql-store.ts";
import { fillDemoClinic } from "../demo/fill-demo-clinic.ts";
import { runCli } from "../testing.ts";

/** Every `reference` string anywhere inside a resource (contained `#id` ones excepted). */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "reference" && typeof v === "string" && !v.startsWith("#")) found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

describe("ldn fhir export on the demo clinic", { timeout: 300_000 }, () => {
  let dir: string;
  let db: string;
  let out: string;
  let stdout: string;
  let resources: Resource[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-fhir-"));
    db = join(dir, "ldn.sqlite");
    out = join(dir, "export");
    const store = await openStore({ kind: "sqlite", path: db });
    await fillDemoClinic(store, new Date(2027, 2, 1, 9, 0));
    await store.close();
    const result = await runCli(["fhir", "export", "--db", db, "--out", out, "--as-of", "2027-03-01"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    stdout = result.stdout;
    resources = readdirSync(out).flatMap((file) =>
      readFileSync(join(out, file), "utf8")
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Resource),
    );
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one ndjson file per resource type, each line a resource of that type", () => {
    for (const file of readdirSync(out)) {
      const type = file.replace(/\.ndjson$/, "");
      const lines = readFileSync(join(out, file), "utf8").trimEnd().split("\n");
      expect(lines.every((line) => (JSON.parse(line) as Resource).resourceType === type)).toBe(true);
    }
    const types = readdirSync(out).map((f) => f.replace(/\.ndjson$/, ""));
    for (const expected of [
      "Patient",
      "Practitioner",
      "Organization",
      "Condition",
      "MedicationRequest",
      "MedicationStatement",
      "Observation",
      "Provenance",
      "DetectedIssue",
      "PlanDefinition",
      "Questionnaire",
      "QuestionnaireResponse",
      "AuditEvent",
    ]) {
      expect(types).toContain(expected);
    }
    expect(stdout).toMatch(/exported 24 patient\(s\) of Demo Pain Clinic/);
  });

  it("gives every resource a unique id and resolves every reference inside the export", () => {
    const ids = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    expect(ids.size).toBe(resources.length);
    const dangling = resources.flatMap((r) => referencesIn(r).filter((ref) => !ids.has(ref)));
    expect(dangling).toEqual([]);
  });

  it("passes Medplum's validator over HL7's R4 profiles and HL7's R4 JSON schema, every resource", async () => {
    const problems: string[] = [];
    for (const [i, r] of resources.entries()) {
      for (const p of problemsOf(r)) problems.push(`${r.resourceType}/${r.id}: ${p}`);
      // Let the test runner's worker talk to its parent between batches of synchronous work.
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(resources.length).toBeGreaterThan(4000);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("sends daily pain as LOINC 72514-3 with a whole 0-10 value", () => {
    const pain = resources.filter(
      (r) => r.resourceType === "Observation" && r.code.coding?.some((c) => c.code === "72514-3"),
    );
    expect(pain.length).toBeGreaterThan(100);
    for (const p of pain) {
      if (p.resourceType !== "Observation") continue;
      expect(Number.isInteger(p.valueInteger)).toBe(true);
      expect(p.valueInteger).toBeGreaterThanOrEqual(0);
      expect(p.valueInteger).toBeLessThanOrEqual(10);
    }
  });
});
