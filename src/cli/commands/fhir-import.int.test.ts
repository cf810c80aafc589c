import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { openStore } from "../../store/sql-store.ts";
import { runCli } from "../testing.ts";

const bundle = (dose: object | undefined) => ({
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { resource: { resourceType: "Patient", id: "p1", name: [{ text: "C. Li" }], birthDate: "1980-02-02" } },
    {
      resource: {
        resourceType: "Condition",
        id: "c1",
        code: { coding: [{ system: "http://snomed.info/sct", code: "82423001" }] },
        onsetDateTime: "2021-05",
      },
    },
    {
      resource: {
        resourceType: "MedicationStatement",
        id: "m1",
        status: "active",
        medicationCodeableConcept: { text: "morphine" },
        dosage: [
          {
            timing: { repeat: { frequency: 2, period: 1, periodUnit: "d" } },
            ...(dose ? { doseAndRate: [{ doseQuantity: dose }] } : {}),
          },
        ],
      },
    },
  ],
});

describe("ldn fhir import", () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-fhir-import-"));
    db = join(dir, "ldn.sqlite");
    const store = await openStore({ kind: "sqlite", path: db });
    await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.create({ name: "Import Clinic" }));
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const patients = async () => {
    const store = await openStore({ kind: "sqlite", path: db });
    try {
      const [clinic] = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
      return await store.transaction(SYSTEM_ACTOR, (tx) => tx.patients.listByClinic(clinic!.id));
    } finally {
      await store.close();
    }
  };

  it("enrols the patient with their opioid screened, and keeps nothing of a Bundle it refuses", async () => {
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify(bundle({ value: 30, unit: "mg", code: "mg" })));
    const ok = await runCli(["fhir", "import", good, "--db", db]);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toMatch(
      /^enrolled C\. Li \([0-9a-f-]+\) in Import Clinic: .*opioids: morphine 30mg x2/,
    );
    const [patient] = await patients();
    expect(patient?.displayName).toBe("C. Li");
    // CDC 2022: morphine factor 1.0, 30 mg twice a day = 60 MME/day.
    expect(
      (patient?.screening as { result: { mme: { totalMmePerDay: number } } }).result.mme.totalMmePerDay,
    ).toBe(60);

    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify(bundle(undefined)));
    const refused = await runCli(["fhir", "import", bad, "--db", db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      "MedicationStatement/m1: dosage[0].doseAndRate[0].doseQuantity is missing",
    );
    expect(await patients()).toHaveLength(1);
  });
});
