import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Store } from "../../app/ports/store.ts";
import { summarisePatient } from "../../app/use-cases/summarise-patient.ts";
import { verifyDatabaseAudit } from "../../store/audit/verify-database-audit.ts";
import { openStore } from "../../store/sql-store.ts";
import { DEMO_CLINIC, fillDemoClinic } from "./fill-demo-clinic.ts";

describe("the demo clinic", { timeout: 120_000 }, () => {
  let dir: string;
  let store: Store;
  const today = new Date(2027, 2, 1, 9, 0);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-demo-"));
    store = await openStore({ kind: "sqlite", path: join(dir, "ldn.sqlite") });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("puts patients in every state, with what needs attention, once", async () => {
    const first = await fillDemoClinic(store, today);
    expect(first.created).toBe(true);
    expect(first.message).toContain("clinician@demo.example");
    const clinic = (await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list())).find(
      (c) => c.name === DEMO_CLINIC,
    )!;
    const records = await store.transaction(SYSTEM_ACTOR, (tx) => tx.records.forClinic(clinic.id));
    const summaries = records.map((r) => summarisePatient(r, "2027-03-01"));
    const states = new Set(summaries.map((s) => s.state));
    for (const state of ["titrating", "window", "med", "paused", "stopped", "maintenance", null]) {
      expect(states.has(state as never), `no demo patient is ${state}`).toBe(true);
    }
    const attention = new Set(summaries.flatMap((s) => s.attention.map((a) => a.code)));
    for (const code of ["side-effect", "missed-week", "opioid-interaction", "questionnaire-due", "no-plan"]) {
      expect(attention.has(code as never), `nothing shows ${code}`).toBe(true);
    }
    expect((await verifyDatabaseAudit({ kind: "sqlite", path: join(dir, "ldn.sqlite") })).ok).toBe(true);
    const again = await fillDemoClinic(store, today);
    expect(again.created).toBe(false);
    const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
    expect(clinics.filter((c) => c.name === DEMO_CLINIC)).toHaveLength(1);
  });
});
