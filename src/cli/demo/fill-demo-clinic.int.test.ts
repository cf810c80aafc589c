import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { PatientRecords } from "../../app/ports/clinic-records.ts";
import type { Store } from "../../app/ports/store.ts";
import { summarisePatient } from "../../app/use-cases/summarise-patient.ts";
import { buildServer } from "../../http/server.ts";
import { todayIn } from "../../http/today.ts";
import { verifyDatabaseAudit } from "../../store/audit/verify-database-audit.ts";
import { openStore } from "../../store/sql-store.ts";
import { DEMO_ACCOUNTS, DEMO_CLINIC, DEMO_PATIENT, fillDemoClinic } from "./fill-demo-clinic.ts";

describe("the demo clinic", { timeout: 120_000 }, () => {
  let dir: string;
  let path: string;
  let store: Store;
  let records: readonly PatientRecords[];
  const today = new Date(2027, 2, 1, 9, 0);
  const readClinic = async () => {
    const clinic = (await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list())).find(
      (c) => c.name === DEMO_CLINIC,
    )!;
    return store.transaction(SYSTEM_ACTOR, (tx) => tx.records.forClinic(clinic.id));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-demo-"));
    path = join(dir, "ldn.sqlite");
    store = await openStore({ kind: "sqlite", path });
    const first = await fillDemoClinic(store, today);
    expect(first.created).toBe(true);
    records = await readClinic();
    // Four scrypt hashes at OWASP cost and a clinic's diaries: slow on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("puts patients in every engine state, with everything the dashboard flags", () => {
    expect(records.length).toBeGreaterThanOrEqual(20);
    const summaries = records.map((r) => summarisePatient(r, "2027-03-01"));
    const states = new Set(summaries.map((s) => s.state));
    for (const state of ["titrating", "window", "med", "paused", "stopped", "maintenance", null]) {
      expect(states.has(state as never), `no demo patient is ${state}`).toBe(true);
    }
    // A flag shows as work to do, or as acknowledged (the opioid interactions were, with a
    // reason, when their plans started).
    const attention = new Set(
      summaries.flatMap((s) => [...s.attention.map((a) => a.code), ...s.acknowledged.map((a) => a.code)]),
    );
    for (const code of [
      "recommendation",
      "side-effect",
      "missed-week",
      "opioid-interaction",
      "questionnaire-due",
      "no-plan",
    ]) {
      expect(attention.has(code as never), `nothing shows ${code}`).toBe(true);
    }
    // Recent check-ins, so the dashboard looks alive.
    expect(summaries.filter((s) => s.daysSinceCheckIn === 0).length).toBeGreaterThan(records.length / 2);
  });

  it("has acknowledged opioid interactions, clinician decisions and questionnaires before and after", () => {
    const plans = records.flatMap((r) => r.plans);
    expect(plans.filter((p) => p.interactionAck !== null).length).toBeGreaterThanOrEqual(2);
    expect(new Set(plans.map((p) => p.protocolId)).size).toBeGreaterThanOrEqual(3);
    const decisions = records.flatMap((r) => r.decisions);
    expect(decisions.some((d) => d.decision === "accept")).toBe(true);
    expect(decisions.some((d) => d.decision === "override" && d.reason)).toBe(true);
    for (const instrument of ["bpi", "promis-global10", "promis-pf-4a"]) {
      const beforeAndAfter = records.filter((r) => {
        const start = r.plans.at(-1)?.startDate;
        const answered = r.questionnaires.filter((q) => q.instrument === instrument).map((q) => q.answeredOn);
        return start !== undefined && answered.some((d) => d < start) && answered.some((d) => d > start);
      });
      expect(beforeAndAfter.length, `${instrument} before and after`).toBeGreaterThanOrEqual(1);
    }
    const effects = records.flatMap((r) =>
      r.diary.map((e) => (e.body as { sideEffects: string[] }).sideEffects),
    );
    expect(effects.flat().length).toBeGreaterThan(5);
  });

  it("lets the demo clinician and the demo patient sign in, and the patient check in", async () => {
    const { app } = buildServer({ store, webRoot: null });
    const signIn = async (login: string, password: string) => {
      const res = await app.request("http://127.0.0.1/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login, password }),
      });
      expect(res.status, `${login} signs in`).toBeLessThan(300);
      return /ldn_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![0];
    };
    const clinician = DEMO_ACCOUNTS.find((a) => a.role === "clinician")!;
    const staffCookie = await signIn(clinician.email, clinician.password);
    const list = await app.request("http://127.0.0.1/api/patients", { headers: { cookie: staffCookie } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as unknown[]).length).toBe(records.length);
    const patientCookie = await signIn(DEMO_PATIENT.loginCode, DEMO_PATIENT.password);
    const me = records.find((r) => r.patient.loginCode === DEMO_PATIENT.loginCode)!;
    const checkIn = await app.request(`http://127.0.0.1/api/patients/${me.patient.id}/check-ins`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: patientCookie,
        "idempotency-key": "demo-test-0001",
      },
      // The server's today is the real one (the demo's dates are only its content): a check-in
      // is for a day around it.
      body: JSON.stringify({ date: todayIn({ now: () => new Date() }), doses: [], pain: 5, sideEffects: [] }),
    });
    expect(checkIn.status).toBe(201);
  });

  it("does nothing the second time, and leaves an audit chain that verifies", async () => {
    const count = (rs: readonly PatientRecords[]) =>
      rs.reduce((n, r) => n + 1 + r.diary.length + r.questionnaires.length + r.decisions.length, 0);
    const before = count(await readClinic());
    const again = await fillDemoClinic(store, today);
    expect(again.created).toBe(false);
    expect(again.message).toMatch(/already/);
    const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
    expect(clinics.filter((c) => c.name === DEMO_CLINIC)).toHaveLength(1);
    expect(count(await readClinic())).toBe(before);
    expect((await verifyDatabaseAudit({ kind: "sqlite", path })).ok).toBe(true);
  });
});
