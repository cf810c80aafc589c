/**
 * Reads the launched patient and their active medications from the EHR's FHIR server with the
 * access token, as one Bundle for `readPatientBundle`. Any failure names the URL and status.
 */
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import { DomainError } from "../../domain/errors.ts";

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new DomainError("invalid_argument", `the EHR answered ${response.status} to ${url}`, {
      field: "iss",
    });
  return response.json();
}

function entriesOf(bundle: unknown): Resource[] {
  const entries = (bundle as Bundle).entry ?? [];
  return entries.flatMap((e: BundleEntry) => (e.resource ? [e.resource] : []));
}

/**
 * @example const bundle = await readEhrPatient("https://ehr.example/fhir", "123", token);
 */
export async function readEhrPatient(iss: string, patientId: string, token: string): Promise<Bundle> {
  const id = encodeURIComponent(patientId);
  const patient = (await getJson(`${iss}/Patient/${id}`, token)) as Resource;
  let resources: Resource[] = [patient];
  for (const type of ["MedicationRequest", "MedicationStatement"]) {
    resources = resources.concat(
      entriesOf(await getJson(`${iss}/${type}?patient=${id}&status=active`, token)),
    );
  }
  return { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
}
