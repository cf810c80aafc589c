/**
 * Bad input named where the request holds it (`body.screening.opioids[1]`, `body.settings.stepUg`,
 * `query.from`), never by a domain parser's own name for it (`drug`, `stepUg`) or a value no one
 * sent: a client, or a clinician reading the message, can find what to correct.
 */
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import { dailyServerEachTest, type ErrorBody } from "./testing/daily-use-server.ts";
import { ELIGIBLE_SCREENING, enrolAndJoin } from "./testing/test-server.ts";

for (const dialect of DIALECTS) {
  describe(`errors naming the request's field on ${dialect}`, () => {
    // Today 2027-01-10, the north clinic's clinician signed in.
    const daily = dailyServerEachTest(dialect);

    /** A joined patient on micro-titration from 2027-01-04. */
    async function onMicroTitration(name: string): Promise<string> {
      const { server, clinician } = daily;
      const { patientId } = await enrolAndJoin(server, clinician, name);
      await clinician.post(`/api/patients/${patientId}/plans`, {
        protocolId: "micro-titration",
        startDate: "2027-01-04",
      });
      return patientId;
    }

    it("names an unknown opioid or risk factor where the request holds it, at enrolment and on rescreening", async () => {
      const { server, clinician } = daily;
      const enrol = (screening: object) =>
        clinician.post<ErrorBody>("/api/patients", { displayName: "N. Named", screening });
      const opioid = await enrol({
        ...ELIGIBLE_SCREENING,
        opioids: ["morphine 10mg x2", "pethidine 50mg x2"],
      });
      expect(opioid.status).toBe(422);
      expect(opioid.body.error.field).toBe("body.screening.opioids[1]");
      expect(opioid.body.error.message).toMatch(
        /^body\.screening\.opioids\[1\]: unknown opioid "pethidine"; known: /,
      );
      const factor = await enrol({ ...ELIGIBLE_SCREENING, riskFactors: ["centralized-pain", "insomnia"] });
      expect(factor.status).toBe(422);
      expect(factor.body.error.field).toBe("body.screening.riskFactors[1]");
      expect(factor.body.error.message).toMatch(
        /^body\.screening\.riskFactors\[1\]: unknown; known: long-term-high-dose-opioids, .* \(got "insomnia"\)$/,
      );
      const { patientId } = await enrolAndJoin(server, clinician, "R. Rescreen");
      const again = await clinician.post<ErrorBody>(`/api/patients/${patientId}/screening`, {
        ...ELIGIBLE_SCREENING,
        opioids: ["pethidine 50mg x2"],
      });
      expect(again.status).toBe(422);
      expect(again.body.error.field).toBe("body.opioids[0]");
    });

    it("names an unknown protocol or setting where the plan request holds it", async () => {
      const { server, clinician } = daily;
      const { patientId } = await enrolAndJoin(server, clinician, "P. Plans");
      const plan = (body: object) =>
        clinician.post<ErrorBody>(`/api/patients/${patientId}/plans`, { startDate: "2027-01-11", ...body });
      const protocol = await plan({ protocolId: "ldn-9" });
      expect(protocol.status).toBe(422);
      expect(protocol.body.error.field).toBe("body.protocolId");
      expect(protocol.body.error.message).toMatch(
        /^body\.protocolId: unknown protocol "ldn-9"; known protocols: /,
      );
      const setting = await plan({ protocolId: "micro-titration", settings: { stepUg: 50 } });
      expect(setting.status).toBe(422);
      expect(setting.body.error).toEqual({
        code: "unknown_setting",
        message: 'body.settings.stepUg: micro-titration has no setting "stepUg" (settings: times)',
        field: "body.settings.stepUg",
      });
      const times = await plan({ protocolId: "micro-titration", settings: { times: ["20:00", "08:00"] } });
      expect(times.status).toBe(422);
      expect(times.body.error.field).toBe("body.settings.times");
    });

    it("refuses a schedule from a day years past the plan's start naming `from`, not a length no one sent", async () => {
      const { clinician } = daily;
      const patientId = await onMicroTitration("F. Far");
      for (const path of ["schedule", "schedule.pdf"]) {
        const res = await clinician.get<ErrorBody>(
          `/api/patients/${patientId}/${path}?from=9999-01-01&days=5`,
        );
        expect(res.status).toBe(422);
        expect(res.body.error).toEqual({
          code: "invalid_argument",
          message: `query.from: must be within 3660 days of the plan's start, 2027-01-04 (got "9999-01-01")`,
          field: "query.from",
        });
      }
    });

    it("refuses a 'today' years away on the dashboard and the phone's day, naming it, before replaying any plan", async () => {
      const { clinician } = daily;
      const patientId = await onMicroTitration("Y. Years");
      for (const path of ["/api/patients?pageSize=5&", `/api/patients/${patientId}/today?`]) {
        const res = await clinician.get<ErrorBody>(`${path}today=9999-01-01`);
        expect(res.status).toBe(422);
        expect(res.body.error.field).toBe("query.today");
        expect(res.body.error.message).toMatch(
          /^query\.today: 9999-01-01 is too late: the last day allowed is 2027-01-11, .*LDN_DIARY_DAYS_AHEAD\)$/,
        );
        // A day the diary reaches is still shown as of (a phone a time zone ahead, say).
        expect((await clinician.get(`${path}today=2027-01-11`)).status).toBe(200);
      }
    });
  });
}
