/** FHIR out of the API: a patient's record as a Bundle, the clinic's for its staff. */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  TEST_TODAY_CLOCK,
  type TestServer,
} from "./testing/test-server.ts";

for (const dialect of DIALECTS)
  describe(`FHIR export and import through the API on ${dialect}`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer(dialect, { clock: TEST_TODAY_CLOCK });
    });
    afterEach(() => server.close());

    const resourcesOf = (bundle: Bundle): Resource[] => (bundle.entry ?? []).map((e) => e.resource!);

    it("gives the clinician and the patient the record as a Bundle, audited; nobody else reaches it", async () => {
      const north = await seedClinic(server.store, "north");
      const south = await seedClinic(server.store, "south");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones", {
        ageYears: 52,
        painMonths: 60,
        pregnancy: "no",
        opioids: ["oxycodone 10mg x3"],
        mustStayOnOpioids: false,
        riskFactors: [],
      });
      const checkIn = await patient.post(
        `/api/patients/${patientId}/check-ins`,
        { date: "2027-01-10", doses: [], pain: 6, sideEffects: [] },
        { "idempotency-key": "fhir-check-in-1" },
      );
      expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);

      const res = await clinician.get<Bundle>(`/api/patients/${patientId}/fhir`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/fhir+json");
      expect(res.body.type).toBe("collection");
      const resources = resourcesOf(res.body);
      const patientResource = resources.find((r) => r.resourceType === "Patient");
      expect(patientResource).toMatchObject({ id: patientId, name: [{ text: "R. Jones" }] });
      const opioid = resources.find((r) => r.resourceType === "MedicationStatement" && r.status === "active");
      expect(opioid).toMatchObject({
        medicationCodeableConcept: { text: "oxycodone" },
        dosage: [{ timing: { repeat: { frequency: 3, period: 1, periodUnit: "d" } } }],
      });
      const pain = resources.find(
        (r) => r.resourceType === "Observation" && r.code.coding?.[0]?.code === "72514-3",
      );
      expect(pain).toMatchObject({ valueInteger: 6, effectiveDateTime: "2027-01-10" });

      expect((await patient.get(`/api/patients/${patientId}/fhir`)).status).toBe(200);
      const pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
      expect((await pharmacist.get(`/api/patients/${patientId}/fhir`)).status).toBe(403);
      const other = server.client();
      await other.login(south.staff.clinician.email);
      expect((await other.get(`/api/patients/${patientId}/fhir`)).status).toBe(404);

      const exports = await server.database.db
        .selectFrom("audit_events")
        .select(["actor_kind", "outcome"])
        .where("action", "=", "patient.export")
        .where("patient_id", "=", patientId)
        .execute();
      expect(exports.filter((e) => e.outcome === "success").map((e) => e.actor_kind)).toEqual([
        "staff",
        "patient",
      ]);
      expect(exports.some((e) => e.outcome === "denied")).toBe(true);
    });

    it("gives the whole clinic's records to an administrator, not to a pharmacist or a patient", async () => {
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const { patient } = await enrolAndJoin(server, clinician, "A. One");
      await enrolAndJoin(server, clinician, "B. Two");
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      const res = await admin.get<Bundle>("/api/fhir/export");
      expect(res.status).toBe(200);
      const resources = resourcesOf(res.body);
      expect(resources.filter((r) => r.resourceType === "Patient")).toHaveLength(2);
      expect(resources.filter((r) => r.resourceType === "Practitioner")).toHaveLength(3);
      const pharmacist = server.client();
      await pharmacist.login(north.staff.pharmacist.email);
      expect((await pharmacist.get("/api/fhir/export")).status).toBe(403);
      expect((await patient.get("/api/fhir/export")).status).toBe(403);
    });

    it("gives back the same patient and screening when its own export is imported, and keeps nothing of a refused one", async () => {
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const screening = {
        ageYears: 61,
        painMonths: 30,
        pregnancy: "not-applicable",
        opioids: ["oxycodone 10mg x3", "fentanyl 25mcg/hr"],
        mustStayOnOpioids: true,
        riskFactors: ["potent-full-agonist"],
      };
      const { patientId } = await enrolAndJoin(server, clinician, "M. Round", screening);
      const original = await clinician.get<{ screening: { answers: unknown; result: { mme: unknown } } }>(
        `/api/patients/${patientId}`,
      );
      const exported = await clinician.get<Bundle>(`/api/patients/${patientId}/fhir`);

      const imported = await clinician.post<{
        patient: {
          id: string;
          displayName: string;
          screening: { answers: unknown; result: { mme: unknown } };
        };
      }>("/api/fhir/import", exported.body);
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body.patient.id).not.toBe(patientId);
      expect(imported.body.patient.displayName).toBe("M. Round");
      // The same answers (opioids written the way ldn reads them back) and the same MME.
      expect(imported.body.patient.screening.answers).toEqual({
        ...screening,
        opioids: ["oxycodone 10mg x3", "fentanyl 25mcg/hr"],
      });
      expect(imported.body.patient.screening.result.mme).toEqual(original.body.screening.result.mme);

      const count = async () =>
        Number(
          (
            await server.database.db
              .selectFrom("patients")
              .select((e) => e.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const broken = structuredClone(exported.body);
      const statement = broken.entry!.find(
        (e) => e.resource?.resourceType === "MedicationStatement" && e.resource.status === "active",
      )!.resource as { dosage?: unknown[] };
      statement.dosage = [];
      const refused = await clinician.post<{ error: { message: string } }>("/api/fhir/import", broken);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(
        /^MedicationStatement\/[^:]+: dosage must hold exactly one Dosage/,
      );
      expect(await count()).toBe(before);
    });
  });
