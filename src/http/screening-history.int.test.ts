/** Screening is editable, with its history: who changed which answer when (issue 12). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type TestServer,
} from "./testing/test-server.ts";

interface Entry {
  at: string;
  byName: string | null;
  changes: string[];
  eligibilityBefore: string | null;
  eligibilityAfter: string | null;
}

for (const dialect of DIALECTS)
  describe(`screening history on ${dialect}`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
    });
    afterEach(() => server.close());

    it("keeps each rescreen with who, when, each answer that changed and the eligibility before and after", async () => {
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const enrolled = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "History",
        screening: { ...ELIGIBLE_SCREENING, pregnancy: "unknown" },
      });
      const id = enrolled.body.id;
      const none = await clinician.get<Entry[]>(`/api/patients/${id}/screening-history`);
      expect(none.body).toEqual([]);

      const first = await clinician.post(`/api/patients/${id}/screening`, {
        ...ELIGIBLE_SCREENING,
        pregnancy: "no",
      });
      expect(first.status).toBe(200);
      const second = await clinician.post(`/api/patients/${id}/screening`, {
        ...ELIGIBLE_SCREENING,
        pregnancy: "yes",
        opioids: ["oxycodone 10mg x3"],
      });
      expect(second.status).toBe(200);

      const history = await clinician.get<Entry[]>(`/api/patients/${id}/screening-history`);
      expect(history.status).toBe(200);
      expect(history.body.map((e) => e.changes)).toEqual([
        ["Pregnant: unknown → no"],
        ["Pregnant: no → yes", "Opioids: none → oxycodone 10mg x3"],
      ]);
      expect(history.body.map((e) => [e.eligibilityBefore, e.eligibilityAfter])).toEqual([
        ["needs-review", "eligible"],
        ["eligible", "not-eligible"],
      ]);
      expect(history.body[0]!.byName).toBeTruthy();
      expect(history.body[0]!.at).toBe(TEST_TODAY_CLOCK.now().toISOString());
    });

    it("keeps nothing when the new answers are refused, and shows no other clinic's patient", async () => {
      const north = await seedClinic(server.store, "north");
      const south = await seedClinic(server.store, "south");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const enrolled = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "Refused",
        screening: ELIGIBLE_SCREENING,
      });
      const id = enrolled.body.id;
      const bad = await clinician.post<{ error: { field?: string } }>(`/api/patients/${id}/screening`, {
        ...ELIGIBLE_SCREENING,
        ageYears: -4,
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain("ageYears");
      expect((await clinician.get<Entry[]>(`/api/patients/${id}/screening-history`)).body).toEqual([]);

      const other = server.client();
      await other.login(south.staff.clinician.email);
      const refused = await other.get(`/api/patients/${id}/screening-history`);
      expect([403, 404]).toContain(refused.status);
    });

    it("invites no patient the screening found not eligible, until a new screening finds them eligible", async () => {
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const enrolled = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "Pregnant",
        screening: { ...ELIGIBLE_SCREENING, pregnancy: "yes" },
      });
      const id = enrolled.body.id;
      const refused = await clinician.post<{ error: { code: string; message: string } }>(
        `/api/patients/${id}/invitations`,
        {},
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/not eligible.*screen them again/);

      await clinician.post(`/api/patients/${id}/screening`, { ...ELIGIBLE_SCREENING, pregnancy: "no" });
      const invited = await clinician.post<{ path: string }>(`/api/patients/${id}/invitations`, {});
      expect(invited.status).toBe(201);
      expect(invited.body.path).toMatch(/^\/join#/);
    });
  });
