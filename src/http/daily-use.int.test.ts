/**
 * What clinicians, pharmacists and patients see every day must be the record itself: the
 * pharmacist's dose today is the engine's, one diary entry per day with its corrections kept,
 * dose ticks saved as they are ticked, one decision per recommendation.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

/** Noon on 2027-01-10 in the server's zone: the tests' "today". */
const NOW = new Date(2027, 0, 10, 12);
const clock = { now: () => NOW };

interface Summary {
  id: string;
  state: string | null;
  todayUg: number | null;
  today: string | null;
  lastCheckIn: string | null;
  alerts: unknown[];
}

type ErrorBody = { error: { code: string; message: string; field?: string } };

const day = (date: string, ug: number, pain: number) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  sideEffects: [],
});

for (const dialect of DIALECTS) {
  describe(`daily use on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;
    let pharmacist: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
    });
    afterEach(() => server.close());

    it("gives the pharmacist the same dose today and state as the clinician, a stopped patient included", async () => {
      const titrating = await enrolAndJoin(server, clinician, "T. Titrating");
      const stopped = await enrolAndJoin(server, clinician, "S. Stopped");
      for (const { patientId, patient } of [titrating, stopped]) {
        const plan = await clinician.post(`/api/patients/${patientId}/plans`, {
          protocolId: "micro-titration",
          startDate: "2027-01-02",
        });
        expect(plan.status).toBe(201);
        // Eight days on the protocol's doses: the engine has moved on from day 1's 0.1 mg.
        for (let d = 2; d <= 9; d++) {
          const date = `2027-01-0${d}`;
          const today = await patient.get<{ today: { totalUg: number } }>(
            `/api/patients/${patientId}/today?today=${date}`,
          );
          const res = await patient.post(
            `/api/patients/${patientId}/check-ins`,
            day(date, today.body.today.totalUg, 6),
            { "idempotency-key": `daily-${patientId}-${date}` },
          );
          expect(res.status).toBe(201);
        }
      }
      const stop = await clinician.post(`/api/patients/${stopped.patientId}/decisions`, {
        decision: "override",
        reason: "nausea every day; patient wants to stop",
        instead: { kind: "stop" },
      });
      expect(stop.status).toBe(201);

      const theirs = await clinician.get<Summary[]>("/api/patients");
      const ours = await pharmacist.get<Summary[]>("/api/patients");
      expect(ours.status).toBe(200);
      const byId = (list: Summary[], id: string) => list.find((p) => p.id === id)!;
      const t = byId(ours.body, titrating.patientId);
      expect(t.todayUg).toBe(byId(theirs.body, titrating.patientId).todayUg);
      expect(t.todayUg).toBeGreaterThan(100);
      expect(t.state).toBe("titrating");
      const s = byId(ours.body, stopped.patientId);
      expect(s).toMatchObject({ state: "stopped", todayUg: 0 });
      expect(byId(theirs.body, stopped.patientId)).toMatchObject({ state: "stopped", todayUg: 0 });
      // The engine's dose, not the diary: no check-in dates or alerts for the pharmacist.
      expect(t).toMatchObject({ lastCheckIn: null, alerts: [] });
      // The patient's phone says the same dose as the pharmacist's list.
      const phone = await titrating.patient.get<{ today: { totalUg: number } }>(
        `/api/patients/${titrating.patientId}/today?today=2027-01-10`,
      );
      expect(phone.body.today.totalUg).toBe(t.todayUg);
    });

    it("keeps one diary entry a day: a correction replaces it and the clinician sees who changed what, and when", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "C. Corrects");
      expect(
        (
          await clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "micro-titration",
            startDate: "2027-01-04",
          })
        ).status,
      ).toBe(201);
      const first = await patient.post<{ id: string; version: number }>(
        `/api/patients/${patientId}/check-ins`,
        day("2027-01-05", 100, 7),
        { "idempotency-key": "correct-first-1" },
      );
      expect(first.status).toBe(201);
      expect(first.body.version).toBe(1);
      const corrected = await patient.post<{ id: string; version: number; checkIn: { pain: number } }>(
        `/api/patients/${patientId}/check-ins`,
        { ...day("2027-01-05", 100, 5), note: "I misread the scale" },
        { "idempotency-key": "correct-second-2" },
      );
      expect(corrected.status).toBe(201);
      expect(corrected.body).toMatchObject({ id: first.body.id, version: 2, checkIn: { pain: 5 } });
      // The phone retries the first one (its answer was lost): what it stored, nothing changed.
      const retry = await patient.post<{ version: number; checkIn: { pain: number } }>(
        `/api/patients/${patientId}/check-ins`,
        day("2027-01-05", 100, 7),
        { "idempotency-key": "correct-first-1" },
      );
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ version: 1, checkIn: { pain: 7 } });
      await patient.post(`/api/patients/${patientId}/check-ins`, day("2027-01-06", 100, 6), {
        "idempotency-key": "correct-other-3",
      });

      const diary = await clinician.get<
        {
          date: string;
          version: number;
          recordedBy: { kind: string; name: string | null };
          checkIn: { pain: number };
          corrections: { version: number; recordedBy: { kind: string }; changes: unknown[] }[];
          earlier: { version: number; checkIn: { pain: number } }[];
        }[]
      >(`/api/patients/${patientId}/check-ins`);
      expect(diary.status).toBe(200);
      expect(diary.body.map((d) => [d.date, d.version, d.checkIn.pain])).toEqual([
        ["2027-01-05", 2, 5],
        ["2027-01-06", 1, 6],
      ]);
      const [fifth] = diary.body;
      expect(fifth!.recordedBy).toEqual({ kind: "patient", name: "C. Corrects" });
      expect(fifth!.corrections).toEqual([
        {
          version: 2,
          recordedAt: expect.any(String),
          recordedBy: { kind: "patient", name: "C. Corrects" },
          changes: [
            { field: "pain", from: 7, to: 5 },
            { field: "note", from: null, to: "I misread the scale" },
          ],
        },
      ]);
      expect(fifth!.earlier.map((v) => [v.version, v.checkIn.pain])).toEqual([[1, 7]]);
      // The engine and the dashboard count days, not check-ins.
      const assessment = await clinician.get<{ asOf: string }>(`/api/patients/${patientId}/assessment`);
      expect(assessment.body.asOf).toBe("2027-01-06");
      const history = await server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(history.some((e) => e.action === "diary.history")).toBe(true);
    });

    it("saves each dose when it is ticked, shows what was taken, and keeps the saved check-in in step", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "D. Doses");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-06",
      });
      type Today = { today: { doses: { time: string; ug: number; takenAt: string | null }[] } };
      const dosesOn = async (date: string) =>
        (await patient.get<Today>(`/api/patients/${patientId}/today?today=${date}`)).body.today.doses;
      // Four days on the engine's doses: by the fifth it gives more than one dose a day.
      for (const date of ["2027-01-06", "2027-01-07", "2027-01-08", "2027-01-09"]) {
        const doses = (await dosesOn(date)).map((d) => ({ time: d.time, ug: d.ug }));
        await patient.post(
          `/api/patients/${patientId}/check-ins`,
          { date, doses, pain: 6, sideEffects: [] },
          { "idempotency-key": `doses-${date}` },
        );
      }
      const today = () => dosesOn("2027-01-10");
      const due = await today();
      expect(due.length).toBeGreaterThanOrEqual(2);
      expect(due.every((d) => d.takenAt === null)).toBe(true);
      const [first, second] = due as [Today["today"]["doses"][0], Today["today"]["doses"][0]];
      const tick = (time: string, taken: boolean, date = "2027-01-10") =>
        patient.post<{ doses: { time: string; takenAt: string | null }[] } & ErrorBody>(
          `/api/patients/${patientId}/doses`,
          { date, time, taken },
        );

      const ticked = await tick(first.time, true);
      expect(ticked.status).toBe(200);
      expect(ticked.body.doses.find((d) => d.time === first.time)!.takenAt).toBe(NOW.toISOString());
      // A reload, or the other phone, shows it taken; a second tick keeps the first one's time.
      expect((await today()).map((d) => d.takenAt)).toEqual([
        NOW.toISOString(),
        null,
        ...due.slice(2).map(() => null),
      ]);
      expect((await tick(first.time, true)).status).toBe(200);

      // Refused with the field named: no dose then, a day before the plan, a day not yet come.
      const wrongTime = await tick("03:00", true);
      expect(wrongTime.status).toBe(422);
      expect(wrongTime.body.error.field).toBe("body.time");
      expect((await tick(first.time, true, "2027-01-05")).body.error.field).toBe("body.date");
      expect((await tick(first.time, true, "2027-01-14")).body.error.field).toBe("body.date");

      // The check-in takes the doses ticked; a dose ticked after it corrects the saved day.
      const saved = await patient.post(
        `/api/patients/${patientId}/check-ins`,
        { date: "2027-01-10", doses: [{ time: first.time, ug: first.ug }], pain: 6, sideEffects: [] },
        { "idempotency-key": "doses-check-in-1" },
      );
      expect(saved.status).toBe(201);
      expect((await tick(second.time, true)).status).toBe(200);
      expect((await tick(first.time, false)).status).toBe(200);
      expect((await today()).slice(0, 2).map((d) => d.takenAt !== null)).toEqual([false, true]);
      const diary = await clinician.get<
        {
          date: string;
          version: number;
          checkIn: { doses: { time: string }[] };
          corrections: { changes: { field: string }[] }[];
        }[]
      >(`/api/patients/${patientId}/check-ins`);
      const entry = diary.body.find((d) => d.date === "2027-01-10");
      expect(entry!.version).toBe(3);
      expect(entry!.checkIn.doses.map((d) => d.time)).toEqual([second.time]);
      expect(entry!.corrections.map((c) => c.changes.map((x) => x.field))).toEqual([["doses"], ["doses"]]);
      const events = await server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(events.filter((e) => e.action === "dose.tick").length).toBeGreaterThanOrEqual(3);
      expect(events.some((e) => e.action === "dose.untick")).toBe(true);
    });

    it("records one decision per recommendation, shows who decided when, and what an override set", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "A. Accepts");
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      for (const date of ["2027-01-04", "2027-01-05", "2027-01-06"])
        await patient.post(`/api/patients/${patientId}/check-ins`, day(date, 100, 6), {
          "idempotency-key": `accepts-${date}`,
        });
      type Decided = {
        recommendationId: string;
        decision: string;
        decidedByName: string | null;
        decidedAt: string;
        reason: string | null;
        insteadText: string | null;
      };
      const before = await clinician.get<{ decision: Decided | null }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(before.body.decision).toBeNull();
      // A double click, and a second clinician's page at the same moment: one decision.
      const clicks = await Promise.all(
        Array.from({ length: 4 }, () =>
          clinician.post<Decided>(`/api/patients/${patientId}/decisions`, { decision: "accept" }),
        ),
      );
      expect(clicks.map((c) => c.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(clicks.map((c) => c.body.recommendationId)).size).toBe(1);
      const listed = await clinician.get<Decided[]>(`/api/patients/${patientId}/decisions`);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({
        decision: "accept",
        decidedByName: "north clinician",
        decidedAt: NOW.toISOString(),
        insteadText: null,
      });
      const after = await clinician.get<{ decision: Decided | null; waiting: boolean }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(after.body.decision).toMatchObject({ decision: "accept", decidedByName: "north clinician" });

      // An override: kept once too, and shown with what it set, in words.
      const override = {
        decision: "override",
        reason: "Travelling next week; hold the dose",
        instead: { kind: "set-dose", totalUg: 100 },
      };
      const first = await clinician.post<Decided>(`/api/patients/${patientId}/decisions`, override);
      expect(first.status).toBe(201);
      expect(first.body.insteadText).toBe("set the daily dose to 0.1 mg");
      const again = await clinician.post<Decided>(`/api/patients/${patientId}/decisions`, override);
      expect(again.status).toBe(200);
      expect(again.body.recommendationId).toBe(first.body.recommendationId);
      const shown = await clinician.get<{ decision: Decided | null }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(shown.body.decision).toMatchObject({
        decision: "override",
        reason: "Travelling next week; hold the dose",
        insteadText: "set the daily dose to 0.1 mg",
        decidedByName: "north clinician",
      });
      expect((await clinician.get<Decided[]>(`/api/patients/${patientId}/decisions`)).body).toHaveLength(2);
    });

    it("refuses check-ins and plan starts dated outside the clinic's window, naming the field", async () => {
      const { patientId, patient } = await enrolAndJoin(server, clinician, "W. Window");
      const far = await clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "9999-12-20",
      });
      expect(far.status).toBe(422);
      expect(far.body.error).toMatchObject({ code: "invalid_date", field: "body.startDate" });
      expect(far.body.error.message).toContain("the last day allowed is 2027-04-10");
      const ancient = await clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "1900-01-01",
      });
      expect(ancient.body.error).toMatchObject({ code: "invalid_date", field: "body.startDate" });
      expect(
        (
          await clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "micro-titration",
            startDate: "2027-01-08",
          })
        ).status,
      ).toBe(201);

      const checkIn = (date: string) =>
        patient.post<ErrorBody>(`/api/patients/${patientId}/check-ins`, day(date, 100, 5), {
          "idempotency-key": `window-${date}`,
        });
      for (const date of ["9999-12-31", "1900-01-01", "2027-01-12", "2026-12-26"]) {
        const refused = await checkIn(date);
        expect(refused.status, date).toBe(422);
        expect(refused.body.error, date).toMatchObject({ code: "invalid_date", field: "body.date" });
      }
      // From the enrolment less 14 days of baseline, to tomorrow (a phone ahead of the clinic).
      for (const date of ["2026-12-27", "2027-01-10", "2027-01-11"])
        expect((await checkIn(date)).status, date).toBe(201);
      // Nothing refused was stored: the clinic's cohort and dashboard still answer.
      const diary = await clinician.get<{ date: string }[]>(`/api/patients/${patientId}/check-ins`);
      expect(diary.body.map((d) => d.date)).toEqual(["2026-12-27", "2027-01-10", "2027-01-11"]);
      expect((await clinician.get("/api/cohort")).status).toBe(200);
      const line = (await clinician.get<Summary[]>("/api/patients")).body.find((p) => p.id === patientId)!;
      expect(line.lastCheckIn).toBe("2027-01-11");
    });

    it("waits for no decision on a plan started a moment ago, and says its maintenance dose", async () => {
      const { patientId } = await enrolAndJoin(server, clinician, "U. Uldn", {
        ...ELIGIBLE_SCREENING,
        opioids: ["oxycodone 10mg x3"],
        mustStayOnOpioids: true,
      });
      expect(
        (
          await clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "uldn-with-opioids",
            startDate: "2027-01-10",
            interactionReason: "Must stay on oxycodone; ULDN alongside",
          })
        ).status,
      ).toBe(201);
      const a = await clinician.get<{ started: boolean; waiting: boolean; summary: string; asOf: string }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(a.body).toMatchObject({ started: false, waiting: false, asOf: "2027-01-09" });
      expect(a.body.summary).not.toContain(" 0 mcg");
      const line = (
        await clinician.get<(Summary & { attention: { code: string }[] })[]>("/api/patients")
      ).body.find((p) => p.id === patientId)!;
      expect(line.attention.map((x) => x.code)).not.toContain("recommendation");
    });

    it("lets the clinician acknowledge each flag, with who and when, until it says something new", async () => {
      const screening = { ...ELIGIBLE_SCREENING, opioids: ["oxycodone 10mg x3"] };
      const { patientId, patient } = await enrolAndJoin(server, clinician, "F. Flags", screening);
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-08",
        interactionReason: "Tapering oxycodone with the pain team",
      });
      type Line = Summary & {
        attention: { code: string; facts: string[]; message: string }[];
        acknowledged: { code: string; byName: string | null; at: string }[];
      };
      const line = async () =>
        (await clinician.get<Line[]>("/api/patients")).body.find((p) => p.id === patientId)!;
      // The interaction acknowledged with a reason when the plan started is not work to do.
      let now = await line();
      expect(now.attention.map((a) => a.code)).not.toContain("opioid-interaction");
      expect(now.acknowledged).toEqual([
        {
          code: "opioid-interaction",
          message: expect.any(String),
          by: north.staff.clinician.id,
          byName: "north clinician",
          at: NOW.toISOString(),
        },
      ]);

      await patient.post(
        `/api/patients/${patientId}/check-ins`,
        { ...day("2027-01-09", 100, 6), sideEffects: ["insomnia"] },
        { "idempotency-key": "flags-2027-01-09" },
      );
      now = await line();
      const flag = now.attention.find((a) => a.code === "side-effect")!;
      expect(flag.facts).toEqual(["2027-01-09: insomnia"]);
      const ack = (facts: string[], code = "side-effect") =>
        clinician.post<{ code: string; byName: string; at: string } & ErrorBody>(
          `/api/patients/${patientId}/attention`,
          { code, facts },
        );
      const acked = await ack(flag.facts);
      expect(acked.status).toBe(200);
      expect(acked.body).toMatchObject({
        code: "side-effect",
        byName: "north clinician",
        at: NOW.toISOString(),
      });
      expect((await ack(flag.facts)).status).toBe(200);
      now = await line();
      expect(now.attention.map((a) => a.code)).not.toContain("side-effect");
      expect(now.acknowledged.map((a) => a.code)).toContain("side-effect");

      // Something new: the flag returns, and an acknowledgement of what it said before is refused.
      await patient.post(
        `/api/patients/${patientId}/check-ins`,
        { ...day("2027-01-10", 100, 6), sideEffects: ["headache"] },
        { "idempotency-key": "flags-2027-01-10" },
      );
      now = await line();
      expect(now.attention.find((a) => a.code === "side-effect")!.facts).toEqual([
        "2027-01-09: insomnia",
        "2027-01-10: headache",
      ]);
      const stale = await ack(flag.facts);
      expect(stale.status).toBe(409);
      expect(stale.body.error.field).toBe("body.facts");
      expect((await ack([], "recommendation")).body.error).toMatchObject({
        code: "invalid_argument",
        field: "body.code",
      });
      expect((await ack([], "missed-week")).body.error).toMatchObject({
        code: "conflict",
        field: "body.code",
      });

      // Screened again with more oxycodone: the interaction flag returns.
      await clinician.post(`/api/patients/${patientId}/screening`, {
        ...screening,
        opioids: ["oxycodone 20mg x3"],
      });
      now = await line();
      expect(now.attention.map((a) => a.code)).toContain("opioid-interaction");
      const events = await server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(events.filter((e) => e.action === "attention.acknowledge").length).toBeGreaterThanOrEqual(2);
    });
  });
}
