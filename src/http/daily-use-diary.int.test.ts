/**
 * What clinicians, pharmacists and patients see every day must be the record itself: the
 * pharmacist's dose today is the engine's, one diary entry per day with its corrections kept,
 * dose ticks saved as they are ticked. Decisions, the clinic's date window and flags are in
 * daily-use-decisions.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import { enrolAndJoin } from "./testing/test-server.ts";
import { NOW, type ErrorBody, type Summary, day, dailyServerEachTest } from "./testing/daily-use-server.ts";

for (const dialect of DIALECTS) {
  describe(`daily use: the diary and doses on ${dialect}`, () => {
    const daily = dailyServerEachTest(dialect);

    it("gives the pharmacist the same dose today and state as the clinician, a stopped patient included", async () => {
      const titrating = await enrolAndJoin(daily.server, daily.clinician, "T. Titrating");
      const stopped = await enrolAndJoin(daily.server, daily.clinician, "S. Stopped");
      for (const { patientId, patient } of [titrating, stopped]) {
        const plan = await daily.clinician.post(`/api/patients/${patientId}/plans`, {
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
      const stop = await daily.clinician.post(`/api/patients/${stopped.patientId}/decisions`, {
        decision: "override",
        reason: "nausea every day; patient wants to stop",
        instead: { kind: "stop" },
      });
      expect(stop.status).toBe(201);

      const theirs = await daily.clinician.get<Summary[]>("/api/patients");
      const ours = await daily.pharmacist.get<Summary[]>("/api/patients");
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
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "C. Corrects");
      expect(
        (
          await daily.clinician.post(`/api/patients/${patientId}/plans`, {
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

      const diary = await daily.clinician.get<
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
      const assessment = await daily.clinician.get<{ asOf: string }>(`/api/patients/${patientId}/assessment`);
      expect(assessment.body.asOf).toBe("2027-01-06");
      const history = await daily.server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(history.some((e) => e.action === "diary.history")).toBe(true);
    });

    it("stores check-ins sent at once once each, and refuses alone the one that reuses a key for other data", async () => {
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "A. Tonce");
      const send = (date: string, key: string, pain = 5) =>
        patient.post<{ id: string } & Partial<ErrorBody>>(
          `/api/patients/${patientId}/check-ins`,
          day(date, 100, pain),
          { "idempotency-key": key },
        );
      expect((await send("2027-01-05", "at-once-0")).status).toBe(201);
      // Sent together, they share a commit (the route's transaction runs again without the
      // failing one when it fails).
      const answers = await Promise.all([
        send("2027-01-06", "at-once-1"),
        send("2027-01-07", "at-once-0", 9),
        send("2027-01-08", "at-once-2"),
        // A dose tick shares the commit too; with no plan yet, no dose is due.
        patient.post<{ id: string } & Partial<ErrorBody>>(`/api/patients/${patientId}/doses`, {
          date: "2027-01-09",
          time: "08:00",
          taken: true,
        }),
        send("2027-01-09", "at-once-3"),
      ]);
      expect(answers.map((a) => a.status)).toEqual([201, 409, 201, 422, 201]);
      expect(answers[1]!.body.error?.field).toBe("Idempotency-Key");
      expect(answers[3]!.body.error?.message).toMatch(/no plan yet/);
      const diary = await daily.clinician.get<{ id: string; date: string; version: number }[]>(
        `/api/patients/${patientId}/check-ins`,
      );
      expect(diary.body.map((d) => [d.date, d.version])).toEqual([
        ["2027-01-05", 1],
        ["2027-01-06", 1],
        ["2027-01-08", 1],
        ["2027-01-09", 1],
      ]);
      expect(diary.body.slice(1).map((d) => d.id)).toEqual([0, 2, 4].map((i) => answers[i]!.body.id));
    });

    it("saves each dose when it is ticked, shows what was taken, and keeps the saved check-in in step", async () => {
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "D. Doses");
      await daily.clinician.post(`/api/patients/${patientId}/plans`, {
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
      const diary = await daily.clinician.get<
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
      const events = await daily.server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(events.filter((e) => e.action === "dose.tick").length).toBeGreaterThanOrEqual(3);
      expect(events.some((e) => e.action === "dose.untick")).toBe(true);
    });
  });
}
