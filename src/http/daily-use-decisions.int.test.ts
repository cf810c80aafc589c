/**
 * The clinician's daily work, as the record keeps it: one decision per recommendation with who
 * decided and when, check-ins and plan starts refused outside the clinic's window, no decision
 * waited for on a plan just started, and flags acknowledged until they say something new. The
 * diary and doses are in daily-use-diary.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import { ELIGIBLE_SCREENING, enrolAndJoin } from "./testing/test-server.ts";
import { NOW, type ErrorBody, type Summary, day, dailyServerEachTest } from "./testing/daily-use-server.ts";

for (const dialect of DIALECTS) {
  describe(`daily use: decisions, dates and flags on ${dialect}`, () => {
    const daily = dailyServerEachTest(dialect);

    it("records one decision per recommendation, shows who decided when, and what an override set", async () => {
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "A. Accepts");
      await daily.clinician.post(`/api/patients/${patientId}/plans`, {
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
      const before = await daily.clinician.get<{ decision: Decided | null }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(before.body.decision).toBeNull();
      // A double click, and a second clinician's page at the same moment: one decision.
      const clicks = await Promise.all(
        Array.from({ length: 4 }, () =>
          daily.clinician.post<Decided>(`/api/patients/${patientId}/decisions`, { decision: "accept" }),
        ),
      );
      expect(clicks.map((c) => c.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(clicks.map((c) => c.body.recommendationId)).size).toBe(1);
      const listed = await daily.clinician.get<Decided[]>(`/api/patients/${patientId}/decisions`);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({
        decision: "accept",
        decidedByName: "north clinician",
        decidedAt: NOW.toISOString(),
        insteadText: null,
      });
      const after = await daily.clinician.get<{ decision: Decided | null; waiting: boolean }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(after.body.decision).toMatchObject({ decision: "accept", decidedByName: "north clinician" });

      // An override: kept once too, and shown with what it set, in words.
      const override = {
        decision: "override",
        reason: "Travelling next week; hold the dose",
        instead: { kind: "set-dose", totalUg: 100 },
      };
      const first = await daily.clinician.post<Decided>(`/api/patients/${patientId}/decisions`, override);
      expect(first.status).toBe(201);
      expect(first.body.insteadText).toBe("set the daily dose to 0.1 mg");
      const again = await daily.clinician.post<Decided>(`/api/patients/${patientId}/decisions`, override);
      expect(again.status).toBe(200);
      expect(again.body.recommendationId).toBe(first.body.recommendationId);
      const shown = await daily.clinician.get<{ decision: Decided | null }>(
        `/api/patients/${patientId}/assessment`,
      );
      expect(shown.body.decision).toMatchObject({
        decision: "override",
        reason: "Travelling next week; hold the dose",
        insteadText: "set the daily dose to 0.1 mg",
        decidedByName: "north clinician",
      });
      expect(
        (await daily.clinician.get<Decided[]>(`/api/patients/${patientId}/decisions`)).body,
      ).toHaveLength(2);
    });

    it("refuses check-ins and plan starts dated outside the clinic's window, naming the field", async () => {
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "W. Window");
      const far = await daily.clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "9999-12-20",
      });
      expect(far.status).toBe(422);
      expect(far.body.error).toMatchObject({ code: "invalid_date", field: "body.startDate" });
      expect(far.body.error.message).toContain("the last day allowed is 2027-04-10");
      const ancient = await daily.clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "1900-01-01",
      });
      expect(ancient.body.error).toMatchObject({ code: "invalid_date", field: "body.startDate" });
      expect(
        (
          await daily.clinician.post(`/api/patients/${patientId}/plans`, {
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
      const diary = await daily.clinician.get<{ date: string }[]>(`/api/patients/${patientId}/check-ins`);
      expect(diary.body.map((d) => d.date)).toEqual(["2026-12-27", "2027-01-10", "2027-01-11"]);
      expect((await daily.clinician.get("/api/cohort")).status).toBe(200);
      const line = (await daily.clinician.get<Summary[]>("/api/patients")).body.find(
        (p) => p.id === patientId,
      )!;
      expect(line.lastCheckIn).toBe("2027-01-11");
    });

    it("waits for no decision on a plan started a moment ago, and says its maintenance dose", async () => {
      const { patientId } = await enrolAndJoin(daily.server, daily.clinician, "U. Uldn", {
        ...ELIGIBLE_SCREENING,
        opioids: ["oxycodone 10mg x3"],
        mustStayOnOpioids: true,
      });
      expect(
        (
          await daily.clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId: "uldn-with-opioids",
            startDate: "2027-01-10",
            interactionReason: "Must stay on oxycodone; ULDN alongside",
          })
        ).status,
      ).toBe(201);
      const a = await daily.clinician.get<{
        started: boolean;
        waiting: boolean;
        summary: string;
        asOf: string;
      }>(`/api/patients/${patientId}/assessment`);
      expect(a.body).toMatchObject({ started: false, waiting: false, asOf: "2027-01-09" });
      expect(a.body.summary).not.toContain(" 0 mcg");
      const line = (
        await daily.clinician.get<(Summary & { attention: { code: string }[] })[]>("/api/patients")
      ).body.find((p) => p.id === patientId)!;
      expect(line.attention.map((x) => x.code)).not.toContain("recommendation");
    });

    it("lets the clinician acknowledge each flag, with who and when, until it says something new", async () => {
      const screening = { ...ELIGIBLE_SCREENING, opioids: ["oxycodone 10mg x3"] };
      const { patientId, patient } = await enrolAndJoin(daily.server, daily.clinician, "F. Flags", screening);
      await daily.clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-08",
        interactionReason: "Tapering oxycodone with the pain team",
      });
      type Line = Summary & {
        attention: { code: string; facts: string[]; message: string }[];
        acknowledged: { code: string; byName: string | null; at: string }[];
      };
      const line = async () =>
        (await daily.clinician.get<Line[]>("/api/patients")).body.find((p) => p.id === patientId)!;
      // The interaction acknowledged with a reason when the plan started is not work to do.
      let now = await line();
      expect(now.attention.map((a) => a.code)).not.toContain("opioid-interaction");
      expect(now.acknowledged).toEqual([
        {
          code: "opioid-interaction",
          message: expect.any(String),
          by: daily.north.staff.clinician.id,
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
        daily.clinician.post<{ code: string; byName: string; at: string } & ErrorBody>(
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
      await daily.clinician.post(`/api/patients/${patientId}/screening`, {
        ...screening,
        opioids: ["oxycodone 20mg x3"],
      });
      now = await line();
      expect(now.attention.map((a) => a.code)).toContain("opioid-interaction");
      const events = await daily.server.store.transaction({ kind: "system", id: "test" }, (tx) =>
        tx.audit.listForPatient(patientId),
      );
      expect(events.filter((e) => e.action === "attention.acknowledge").length).toBeGreaterThanOrEqual(2);
    });
  });
}
