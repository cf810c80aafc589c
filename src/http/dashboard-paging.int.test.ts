/**
 * The dashboard pages and filters on the server (issue 14, item 6): a page holds at most
 * pageSize patients, says how many match in all, searches names in SQL, and reads and audits
 * only the page's patients; state and attention filters work across the whole clinic.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PatientPageDto } from "./api/patients.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  ELIGIBLE_SCREENING,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

for (const dialect of DIALECTS) {
  describe(`dashboard paging on ${dialect}`, () => {
    let server: TestServer;
    let clinician: TestClient;
    let pharmacist: TestClient;

    beforeAll(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
      const clinic = await seedClinic(server.store, "paging");
      clinician = server.client();
      expect((await clinician.login(clinic.staff.clinician.email)).status).toBe(200);
      pharmacist = server.client();
      expect((await pharmacist.login(clinic.staff.pharmacist.email)).status).toBe(200);
      for (let i = 0; i < 23; i++) {
        const name = i % 5 === 0 ? `Rivera_${i} 100%` : `Patient ${String(i).padStart(2, "0")}`;
        const res = await clinician.post("/api/patients", {
          displayName: name,
          screening: ELIGIBLE_SCREENING,
        });
        expect(res.status).toBe(201);
      }
    }, 60_000);
    afterAll(() => server.close());

    const page = async (client: TestClient, query: string) => {
      const res = await client.get<PatientPageDto>(`/api/patients?${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it("answers one page at a time, in the order of the whole list, with the total", async () => {
      const first = await page(clinician, "page=1&pageSize=10");
      const third = await page(clinician, "page=3&pageSize=10");
      expect(first.total).toBe(23);
      expect(first.patients).toHaveLength(10);
      expect(third.patients).toHaveLength(3);
      const everyone = (await clinician.get<{ id: string }[]>("/api/patients")).body.map((p) => p.id);
      const pages = [first, await page(clinician, "page=2&pageSize=10"), third].flatMap((p) => p.patients);
      expect(pages.map((p) => p.id)).toEqual(everyone);
    });

    it("searches names in any case, with % and _ taken literally", async () => {
      expect((await page(clinician, "q=rivera")).total).toBe(5);
      expect(
        (await page(clinician, `q=${encodeURIComponent("_1")}`)).patients.map((p) => p.displayName).sort(),
      ).toEqual(["Rivera_10 100%", "Rivera_15 100%"]);
      expect((await page(clinician, `q=${encodeURIComponent("0%")}`)).total).toBe(5);
      expect((await page(clinician, `q=${encodeURIComponent("%")}`)).total).toBe(5);
    });

    it("filters by what needs attention and by state across the whole clinic", async () => {
      // No patient has a plan: each needs one ("no-plan"), and none has a state yet.
      expect((await page(clinician, "attention=any&pageSize=5")).total).toBe(23);
      expect((await page(clinician, "attention=none")).total).toBe(0);
      expect((await page(clinician, "state=titrating")).total).toBe(0);
    });

    it("audits only the page's patients", async () => {
      const count = async () =>
        (
          await server.database.db
            .selectFrom("audit_events")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("action", "=", "patient.summary")
            .executeTakeFirstOrThrow()
        ).n;
      const before = Number(await count());
      await page(pharmacist, "page=2&pageSize=7");
      expect(Number(await count()) - before).toBe(7);
    });

    it("refuses a page size over 200 or a page below 1, naming the field", async () => {
      const big = await clinician.get<{ error: { field?: string } }>("/api/patients?pageSize=201");
      expect(big.status).toBe(400);
      expect(JSON.stringify(big.body)).toContain("pageSize");
      expect((await clinician.get("/api/patients?page=0")).status).toBe(400);
      expect((await clinician.get("/api/patients?state=asleep")).status).toBe(400);
    });
  });
}
