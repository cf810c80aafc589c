/**
 * Screening that holds, through the server: no plan while pregnancy is unknown (409, the field
 * named, screen again to go on); the opioids recorded at screening reach the patient's schedule
 * and PDF (withdrawal, what to do, whom to call); withdrawal is a diary side effect.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPdf } from "../documents/read-pdf.testing.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  TEST_PASSWORD,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Section = { title: string; lines: string[] };

const PLAN = { protocolId: "micro-titration", startDate: "2027-01-04" };

for (const dialect of DIALECTS) {
  describe(`screening that holds, on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
    });
    afterEach(() => server.close());

    const enrol = async (screening: Record<string, unknown>) => {
      const res = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "R. Jones",
        screening,
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };

    it("refuses a plan with 409 while pregnancy is unknown, naming the field, and starts it once screening records it", async () => {
      const id = await enrol({ ...ELIGIBLE_SCREENING, pregnancy: "unknown" });
      const refused = await clinician.post<ErrorBody>(`/api/patients/${id}/plans`, PLAN);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("pregnancy_unknown");
      expect(refused.body.error.field).toBe("screening.pregnancy");
      expect(refused.body.error.message).toContain(
        "record it (yes / no / not applicable) in screening before starting a plan",
      );
      expect((await clinician.get<unknown[]>(`/api/patients/${id}/plans`)).body).toEqual([]);

      const rescreened = await clinician.post<{ screening: { answers: { pregnancy: string } } }>(
        `/api/patients/${id}/screening`,
        { ...ELIGIBLE_SCREENING, pregnancy: "not-applicable" },
      );
      expect(rescreened.status).toBe(200);
      expect(rescreened.body.screening.answers.pregnancy).toBe("not-applicable");
      expect((await clinician.post(`/api/patients/${id}/plans`, PLAN)).status).toBe(201);
    });

    it("refuses a pregnant patient's plan as not eligible (422)", async () => {
      const id = await enrol({ ...ELIGIBLE_SCREENING, pregnancy: "yes" });
      const refused = await clinician.post<ErrorBody>(`/api/patients/${id}/plans`, PLAN);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain("pregnant: the study excluded pregnancy");
    });

    it("names a bad answer when screening again, and keeps the screening as it was", async () => {
      const id = await enrol({ ...ELIGIBLE_SCREENING, pregnancy: "unknown" });
      const bad = await clinician.post<ErrorBody>(`/api/patients/${id}/screening`, {
        ...ELIGIBLE_SCREENING,
        pregnancy: "maybe",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("body.pregnancy");
      const record = await clinician.get<{ screening: { answers: { pregnancy: string } } }>(
        `/api/patients/${id}`,
      );
      expect(record.body.screening.answers.pregnancy).toBe("unknown");
    });

    it("gives a patient on oxycodone the withdrawal instructions on the schedule and its PDF, and takes withdrawal in the diary", async () => {
      const id = await enrol({ ...ELIGIBLE_SCREENING, opioids: ["oxycodone 20mg x2"] });
      const started = await clinician.post(`/api/patients/${id}/plans`, {
        ...PLAN,
        interactionReason: "60 MME oxycodone, stable; patient told what withdrawal feels like",
      });
      expect(started.status).toBe(201);

      const schedule = await clinician.get<{ opioidInstructions: Section | null }>(
        `/api/patients/${id}/schedule?days=7`,
      );
      const section = schedule.body.opioidInstructions!;
      expect(section.title).toBe("You also take oxycodone");
      expect(section.lines.join(" ")).toContain(
        "This can cause opioid withdrawal, or make your opioid work less well",
      );
      expect(section.lines.join(" ")).toContain("Call north clinic the same day, before your next dose.");

      const pdf = await server.app.request(
        `http://ldn.test/api/patients/${id}/schedule.pdf?from=2027-01-04&days=7&clinicPhone=555%200100`,
        { headers: { cookie: clinician.cookie! } },
      );
      expect(pdf.status).toBe(200);
      const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text
        .join(" ")
        .replace(/\s+/g, " ");
      expect(text).toContain("You also take oxycodone");
      expect(text).toContain("Withdrawal can feel as if you had suddenly stopped your opioid");
      expect(text).toContain("do not take your next dose, and do not go up to a higher dose");
      expect(text).toContain("Call north clinic on 555 0100 the same day, before your next dose.");

      // The patient joins and reports withdrawal; the dashboard says it in words.
      const invite = await clinician.post<{ token: string }>(`/api/patients/${id}/invitations`, {});
      const patient = server.client();
      await patient.post("/api/invitations/accept", { token: invite.body.token, password: TEST_PASSWORD });
      const checkIn = await patient.post(
        `/api/patients/${id}/check-ins`,
        { date: "2027-01-04", doses: [{ time: "08:00", ug: 100 }], pain: 7, sideEffects: ["withdrawal"] },
        { "idempotency-key": "withdrawal-day-1" },
      );
      expect(checkIn.status).toBe(201);
      const dashboard = await clinician.get<{ attention: { code: string; message: string }[] }[]>(
        "/api/patients?today=2027-01-05",
      );
      const sideEffect = dashboard.body[0]!.attention.find((a) => a.code === "side-effect");
      expect(sideEffect?.message).toContain("opioid withdrawal symptoms");
    });

    it("gives a patient off opioids no withdrawal section", async () => {
      const id = await enrol(ELIGIBLE_SCREENING);
      await clinician.post(`/api/patients/${id}/plans`, PLAN);
      const schedule = await clinician.get<{ opioidInstructions: Section | null }>(
        `/api/patients/${id}/schedule?days=7`,
      );
      expect(schedule.body.opioidInstructions).toBeNull();
    });
  });
}
