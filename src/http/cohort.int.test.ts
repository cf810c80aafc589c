/** The clinic's cohort analysis from its own patients' MEDs and questionnaires. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type TestServer,
} from "./testing/test-server.ts";

describe("cohort analysis over the clinic's patients", () => {
  let server: TestServer;
  /** The server's clock, moved on where a test looks at a later day. */
  let now: Date;
  beforeEach(async () => {
    now = TEST_TODAY_CLOCK.now();
    server = await startTestServer("sqlite", { clock: { now: () => now } });
  });
  afterEach(() => server.close());

  /** A patient on `protocolId` from `startDate`, MED set by the clinician, BPI before and after. */
  async function patientWithMed(
    clinician: ReturnType<TestServer["client"]>,
    name: string,
    opts: { protocolId: string; startDate: string; medUg: number; pre: number; post: number },
  ) {
    const { patientId, patient } = await enrolAndJoin(server, clinician, name);
    await clinician.post(`/api/patients/${patientId}/plans`, {
      protocolId: opts.protocolId,
      startDate: opts.startDate,
    });
    // Check-ins from the start up to tomorrow (the clock's 2027-01-10; enrolled today, so no
    // earlier day can be recorded); the clinician sets the MED at the last one.
    for (const date of ["2027-01-10", "2027-01-11"].filter((d) => d >= opts.startDate)) {
      const body = { date, doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] };
      await patient.post(`/api/patients/${patientId}/check-ins`, body, {
        "idempotency-key": `c-${name}-${date}`,
      });
    }
    const set = await clinician.post(`/api/patients/${patientId}/decisions`, {
      decision: "override",
      reason: "MED agreed at review",
      instead: { kind: "set-med", totalUg: opts.medUg },
    });
    expect(set.status).toBe(201);
    const bpi = (v: number) => ({ worst: v, least: v, average: v, now: v });
    const answered = (answeredOn: string, v: number) =>
      clinician.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn,
        answers: bpi(v),
      });
    await answered("2026-12-01", opts.pre);
    await answered("2027-06-01", opts.post);
    return patientId;
  }

  it("filters by protocol and start dates, says why small groups are not tested, and exports the same rows as CSV", async () => {
    const north = await seedClinic(server.store, "north");
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const people = [
      ["A", "micro-titration", "2027-01-10", 8, 4],
      ["B", "micro-titration", "2027-01-10", 6, 5],
      ["C", "micro-titration", "2027-01-11", 7, 3],
      ["D", "ldn-once-daily", "2027-01-10", 6, 3],
    ] as const;
    for (const [name, protocolId, startDate, pre, post] of people)
      await patientWithMed(clinician, name, { protocolId, startDate, medUg: 500, pre, post });
    type Answer = {
      patients: number;
      protocols: { id: string; name: string }[];
      course: { responders: { n: number; of: number }; daysToMed: { n: number } | null };
      outcomes?: {
        scale: string;
        n: number;
        pOneTailed: number | null;
        notTested: { text: string } | null;
      }[];
    };
    const all = await clinician.get<Answer>("/api/cohort");
    expect(all.body.patients).toBe(4);
    expect(all.body.protocols.map((p) => p.id).sort()).toEqual(["ldn-once-daily", "micro-titration"]);
    expect(all.body.course.responders).toEqual({ n: 3, of: 4, percent: 75 });
    const pain = all.body.outcomes!.find((o) => o.scale === "bpi_pain")!;
    expect(pain.pOneTailed).toBeNull();
    expect(pain.notTested!.text).toContain("Cannot be computed");

    const micro = await clinician.get<Answer>("/api/cohort?protocol=micro-titration");
    expect(micro.body.patients).toBe(3);
    const january = await clinician.get<Answer>("/api/cohort?protocol=micro-titration&to=2027-01-10");
    expect(january.body.patients).toBe(2);
    const none = await clinician.get<Answer>("/api/cohort?from=2027-01-12");
    expect(none.body).toMatchObject({ patients: 0, course: { daysToMed: null } });

    const csv = await clinician.get<string>("/api/cohort.csv?protocol=micro-titration&to=2027-01-10");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]).toContain("patient_id,protocol,start_date,med_mg,days_to_med,dropped_out,responder");
    // A and B started on the same day: their rows may come in either order (ids are random).
    const rows = lines.slice(1).map((l) => l.split(",").slice(1, 7).join(","));
    expect(rows.sort()).toEqual(
      ["micro-titration,2027-01-10,0.5,1,no,yes", "micro-titration,2027-01-10,0.5,1,no,no"].sort(),
    );
  });

  it("refuses an unknown protocol or a start range that ends before it begins, naming the field", async () => {
    const north = await seedClinic(server.store, "north");
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const unknown = await clinician.get<{ error: { field?: string; message: string } }>(
      "/api/cohort?protocol=nonsense",
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("protocol");
    const backwards = await clinician.get<{ error: { field?: string } }>(
      "/api/cohort.csv?from=2027-02-01&to=2027-01-01",
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("to");
  });

  it("pairs BPI before the plan with BPI 4 weeks after the MED, and reports the MEDs", async () => {
    const north = await seedClinic(server.store, "north");
    const clinician = server.client();
    await clinician.login(north.staff.clinician.email);
    const pain = [
      [7, 4],
      [6, 3],
      [8, 6],
    ] as const;
    for (const [i, [pre, post]] of pain.entries()) {
      const { patientId, patient } = await enrolAndJoin(server, clinician, `P${i}`);
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const date of ["2027-01-04", "2027-01-05"]) {
        const body = { date, doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] };
        await patient.post(`/api/patients/${patientId}/check-ins`, body, {
          "idempotency-key": `cohort-${i}-${date}`,
        });
      }
      const set = await clinician.post(`/api/patients/${patientId}/decisions`, {
        decision: "override",
        reason: "MED agreed at review",
        instead: { kind: "set-med", totalUg: 100 * (i + 1) },
      });
      expect(set.status).toBe(201);
      const bpi = (v: number) => ({ worst: v, least: v, average: v, now: v });
      await clinician.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-01-03",
        answers: bpi(pre),
      });
      await clinician.post(`/api/patients/${patientId}/questionnaires`, {
        instrument: "bpi",
        answeredOn: "2027-02-10",
        answers: bpi(post),
      });
    }
    const res = await clinician.get<{
      patients: number;
      outcomes: { scale: string; n: number; improvement: { mean: number } }[];
      medHistogram: { n: number };
    }>("/api/cohort");
    expect(res.status).toBe(200);
    expect(res.body.patients).toBe(3);
    const bpiPain = res.body.outcomes.find((o) => o.scale === "bpi_pain")!;
    expect(bpiPain.n).toBe(3);
    expect(bpiPain.improvement.mean).toBeCloseTo((3 + 3 + 2) / 3, 10);
    expect(res.body.medHistogram.n).toBe(3);
    // The clinician chose these MEDs: nothing waits for review, and outcome questionnaires are
    // done, as the dashboard says on 2027-02-20 (signed in again: a session lasts 12 hours).
    now = new Date(2027, 1, 20, 12);
    await clinician.login(north.staff.clinician.email);
    const dashboard =
      await clinician.get<{ state: string; attention: { code: string }[] }[]>("/api/patients");
    expect(dashboard.body.map((p) => p.state)).toEqual(["med", "med", "med"]);
    expect(
      dashboard.body.flatMap((p) => p.attention.map((a) => a.code)).filter((c) => c !== "missed-week"),
    ).toEqual([]);
  });
});
