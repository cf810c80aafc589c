/**
 * FHIR R4 out of the API: one patient's record as a Bundle (the same access rule and audit as
 * every patient route), and the whole clinic's for its administrators and clinicians. For Bulk
 * Data ndjson files use `ldn fhir export`. FHIR in: a Bundle of a patient and their medications
 * enrols the patient, their opioids screened for MME, or is refused whole.
 */
import { z } from "zod/v4";
import { gatherExport } from "../../app/use-cases/gather-export.ts";
import { enrolPatient, storedScreening } from "../../app/use-cases/enrol-patient.ts";
import { readPatientBundle } from "../../fhir/read-patient-bundle.ts";
import { PatientDetailSchema } from "../api/patients.ts";
import { collectionBundle } from "../../fhir/bulk.ts";
import { exportResources } from "../../fhir/export-resources.ts";
import { PatientParams } from "../api/common.ts";
import { defineRoute, type Services } from "../route.ts";
import type { Repositories } from "../../app/ports/store.ts";
import { todayIn } from "../today.ts";

/** A FHIR Bundle: checked here only for its kind; its resources are validated in the tests. */
const FhirBundle = z.looseObject({ resourceType: z.literal("Bundle"), type: z.literal("collection") });

async function bundleOf(tx: Repositories, services: Services, clinicId: string, patientId?: string) {
  const gathered = await gatherExport(tx, clinicId, { patientId });
  const now = services.clock.now();
  const resources = exportResources(
    { clinic: gathered.clinic, staff: gathered.staff, asOf: todayIn(services.clock) },
    gathered.patients,
  );
  const bundle = collectionBundle(resources, now.toISOString());
  return {
    body: bundle as unknown as z.infer<typeof FhirBundle>,
    file: {
      bytes: new TextEncoder().encode(JSON.stringify(bundle)),
      contentType: "application/fhir+json",
      filename: patientId === undefined ? "ldn-clinic-fhir.json" : `ldn-patient-${patientId}-fhir.json`,
    },
  };
}

export const fhirRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/fhir",
    summary:
      "The patient's record as a FHIR R4 Bundle (collection): patient, plans as MedicationRequests, proposals and decisions, doses taken, diary and questionnaire Observations, audit",
    tag: "fhir",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "patient.export",
    params: PatientParams,
    response: FhirBundle,
    handler: async ({ tx, services, params }) => {
      const clinicId = (await tx.patients.clinicOf(params.patientId))!;
      return bundleOf(tx, services, clinicId, params.patientId);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/fhir/export",
    summary:
      "The whole clinic's records as one FHIR R4 Bundle (collection), every reference resolving inside it",
    tag: "fhir",
    access: { kind: "clinic", roles: ["administrator", "clinician"] },
    action: "clinic.export",
    response: FhirBundle,
    handler: async ({ tx, services, principal }) => bundleOf(tx, services, principal!.clinicId),
  }),
  defineRoute({
    method: "post",
    path: "/api/fhir/import",
    summary:
      "Enrol a patient from a FHIR Bundle (Patient, chronic pain Condition, opioid MedicationRequests or MedicationStatements with timing.repeat and a dose): all of it or, refused with the resource and field, none",
    tag: "fhir",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "patient.create",
    body: z.looseObject({ resourceType: z.string() }),
    response: z.object({ patient: PatientDetailSchema, skipped: z.array(z.string()) }),
    successStatus: 201,
    handler: async ({ tx, services, principal, body }) => {
      const read = readPatientBundle(body, todayIn(services.clock));
      const p = await enrolPatient(tx, principal!.clinicId, read.displayName, read.answers);
      return {
        patient: {
          id: p.id,
          displayName: p.displayName,
          enrolledAt: p.createdAt,
          joined: false,
          screening: storedScreening(p) as unknown as z.infer<typeof PatientDetailSchema>["screening"],
        },
        skipped: read.skipped,
      };
    },
  }),
];
