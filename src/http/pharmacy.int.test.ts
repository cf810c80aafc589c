/**
 * The pharmacist's daily work over HTTP, on a real database: the queue of fills due from each
 * patient's real path, the order PDF, a fill recorded as dispensed once (what, when, by whom),
 * and the refill that follows on from it with the doses the engine now plans.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPdf } from "../documents/read-pdf.testing.ts";
import type { DispensedFillDto, NextFillDto, PatientFillsDto, QueueDto } from "./api/pharmacy.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

/** Noon on 2027-01-10 in the server's zone: the tests' "today". */
const clock = { now: () => new Date(2027, 0, 10, 12) };

type ErrorBody = { error: { code: string; message: string; field?: string } };

/** Micrograms a fill holds in all: each dose amount times how often it is taken. */
const totalUg = (fill: Pick<NextFillDto, "recipes">) => fill.recipes.reduce((s, r) => s + r.ug * r.count, 0);

const dispense = (fill: NextFillDto) => ({
  fillStart: fill.start,
  strengths: fill.strengths.map((s) => ({ ug: s.ug, quantity: s.quantity })),
});

for (const dialect of DIALECTS) {
  describe(`the pharmacy on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;
    let pharmacist: TestClient;
    let titrating: string;

    /** Enrols a patient on micro-titration from 2027-01-04 with a check-in each day to the 9th. */
    async function onPlan(name: string) {
      const { patientId, patient } = await enrolAndJoin(server, clinician, name);
      const plan = await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      expect(plan.status).toBe(201);
      for (let d = 4; d <= 9; d++) {
        const date = `2027-01-0${d}`;
        const today = await patient.get<{ today: { doses: { time: string; ug: number }[] } }>(
          `/api/patients/${patientId}/today?today=${date}`,
        );
        const doses = today.body.today.doses.map((x) => ({ time: x.time, ug: x.ug }));
        const res = await patient.post(
          `/api/patients/${patientId}/check-ins`,
          { date, doses, pain: 6, sideEffects: [] },
          { "idempotency-key": `pharmacy-${patientId}-${date}` },
        );
        expect(res.status).toBe(201);
      }
      return patientId;
    }

    const queue = async () => {
      const res = await pharmacist.get<QueueDto>("/api/pharmacy/queue");
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
      titrating = await onPlan("T. Titrating");
    });
    afterEach(() => server.close());

    it("queues each active patient's next fill from their real path, with prescriber, dates and capsules per dose", async () => {
      const stopped = await onPlan("S. Stopped");
      const stop = await clinician.post(`/api/patients/${stopped}/decisions`, {
        decision: "override",
        reason: "Nausea; the patient wants to stop",
        instead: { kind: "stop" },
      });
      expect(stop.status).toBe(201);
      await enrolAndJoin(server, clinician, "N. No Plan");

      const { fills, settings } = await queue();
      expect(settings).toMatchObject({ fillDays: 28, fillLeadDays: 7 });
      expect(settings.notes.every((n) => n.includes("clinic setting"))).toBe(true);
      expect(fills.map((f) => f.patientName)).toEqual(["T. Titrating"]);
      const fill = fills[0]!;
      expect(fill).toMatchObject({
        patientId: titrating,
        prescriber: { id: north.staff.clinician.id, name: "north clinician" },
        protocolName: expect.stringMatching(/micro/i),
        // No fill was recorded: needed since the plan's first day, so it starts today.
        neededFrom: "2027-01-04",
        start: "2027-01-10",
        end: "2027-02-06",
        days: 28,
        status: "overdue",
        daysUntilNeeded: -6,
        note: null,
      });
      for (const r of fill.recipes) {
        expect(r.capsulesPerDose).toBe(r.capsules.length);
        expect(r.capsules.reduce((s, c) => s + c, 0)).toBe(r.ug);
        expect(r.capsulesPerDose).toBeLessThanOrEqual(2); // CAPSULE_DEFAULTS, a clinic setting
      }
      expect(fill.directions[0]).toMatch(/^Days? 1/);

      // The same engine path as the compounding page: the doses the patient takes from today,
      // not the protocol's day 1 (0.1 mg once a day).
      const compounding = await pharmacist.get<{ strengths: { ug: number; quantity: number }[] }>(
        `/api/patients/${titrating}/compounding?fillStart=2027-01-10&days=28`,
      );
      expect(fill.strengths.map((s) => [s.ug, s.quantity])).toEqual(
        compounding.body.strengths.map((s) => [s.ug, s.quantity]),
      );
      expect(totalUg(fill)).toBeGreaterThan(28 * 100);
    });

    it("records a fill dispensed once, by whom and when; a retry is the same fill; the next fill follows on", async () => {
      const [due] = (await queue()).fills;
      const path = `/api/patients/${titrating}/fills`;
      const noKey = await pharmacist.post<ErrorBody>(path, dispense(due!));
      expect(noKey.status).toBe(400);
      expect(noKey.body.error.field).toBe("Idempotency-Key");

      const first = await pharmacist.post<DispensedFillDto>(path, dispense(due!), {
        "idempotency-key": "fill-key-0001",
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        start: "2027-01-10",
        end: "2027-02-06",
        days: 28,
        dispensedBy: { id: north.staff.pharmacist.id, name: "north pharmacist" },
        dispensedAt: clock.now().toISOString(),
      });
      expect(first.body.strengths).toEqual(due!.strengths);
      expect(first.body.recipes).toEqual(due!.recipes);

      const retry = await pharmacist.post<DispensedFillDto>(path, dispense(due!), {
        "idempotency-key": "fill-key-0001",
      });
      expect(retry.status).toBe(200);
      expect(retry.body.id).toBe(first.body.id);
      // A second pharmacist's click on the same fill (another key) is refused, naming who gave it.
      const twice = await pharmacist.post<ErrorBody>(path, dispense(due!), {
        "idempotency-key": "fill-key-0002",
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error.field).toMatch(/^(body\.)?fillStart$/);

      const after = await pharmacist.get<PatientFillsDto>(path);
      expect(after.body.dispensed.map((f) => f.id)).toEqual([first.body.id]);
      expect(after.body.next).toMatchObject({
        neededFrom: "2027-02-07",
        start: "2027-02-07",
        end: "2027-03-06",
        status: "upcoming",
        daysUntilNeeded: 28,
      });
      const rows = await server.database.db.selectFrom("dispensed_fills").selectAll().execute();
      expect(rows).toHaveLength(1);
      const audit = await server.database.db
        .selectFrom("audit_events")
        .select(["action", "actor_id", "outcome"])
        .where("patient_id", "=", titrating)
        .where("action", "=", "fill.dispense")
        .execute();
      expect(audit).toContainEqual({
        action: "fill.dispense",
        actor_id: north.staff.pharmacist.id,
        outcome: "success",
      });
    });

    it("refills with the doses the engine now plans: after the MED is set, the next fill holds it every day", async () => {
      const [due] = (await queue()).fills;
      expect(
        (
          await pharmacist.post(`/api/patients/${titrating}/fills`, dispense(due!), {
            "idempotency-key": "fill-key-0003",
          })
        ).status,
      ).toBe(201);
      const med = await clinician.post(`/api/patients/${titrating}/decisions`, {
        decision: "override",
        reason: "Pain clearly better at this dose",
        instead: { kind: "set-med", totalUg: 400 },
      });
      expect(med.status).toBe(201);
      const [refill] = (await queue()).fills;
      expect(refill).toMatchObject({ start: "2027-02-07", state: "med" });
      expect(totalUg(refill!)).toBe(28 * 400);
    });

    it("refuses a fill that no longer matches the one due, naming what is now true, and stores nothing", async () => {
      const [due] = (await queue()).fills;
      const path = `/api/patients/${titrating}/fills`;
      const stale = await pharmacist.post<ErrorBody>(
        path,
        { ...dispense(due!), fillStart: "2027-01-04" },
        { "idempotency-key": "fill-key-0004" },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain("starts on 2027-01-10");
      const changed = await pharmacist.post<ErrorBody>(
        path,
        { fillStart: due!.start, strengths: [{ ug: 100, quantity: 1 }] },
        { "idempotency-key": "fill-key-0005" },
      );
      expect(changed.status).toBe(409);
      expect(changed.body.error.field).toMatch(/^(body\.)?strengths$/);
      const bad = await pharmacist.post<ErrorBody>(
        path,
        { fillStart: due!.start, strengths: [{ ug: 100, quantity: -3 }] },
        { "idempotency-key": "fill-key-0006" },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toMatch(/^body\.strengths(\.0|\[0\])\.quantity$/);
      expect(await server.database.db.selectFrom("dispensed_fills").selectAll().execute()).toEqual([]);
    });

    it("writes the order for the next fill as a PDF: patient, prescriber, fill dates, strengths", async () => {
      const res = await server.app.request(`http://ldn.test/api/patients/${titrating}/order.pdf`, {
        headers: { cookie: pharmacist.cookie! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
      const text = pdf.text.join(" ");
      expect(text).toContain("T. Titrating");
      expect(text).toContain("north clinician");
      expect(text).toContain("Fill period: Sun 10 Jan 2027 to Sat 6 Feb 2027 (28 days)");
      const [due] = (await queue()).fills;
      for (const s of due!.strengths)
        expect(text).toContain(`Naltrexone ${s.strength} capsules ${s.quantity} capsules`);
    });

    it("lets the pharmacist alone dispense, and keeps the queue from patients", async () => {
      const [due] = (await queue()).fills;
      const byClinician = await clinician.post(`/api/patients/${titrating}/fills`, dispense(due!), {
        "idempotency-key": "fill-key-0007",
      });
      expect(byClinician.status).toBe(403);
      expect((await clinician.get("/api/pharmacy/queue")).status).toBe(200);
      const { patient } = await enrolAndJoin(server, clinician, "P. Patient");
      expect((await patient.get("/api/pharmacy/queue")).status).toBe(403);
    });
  });
}
