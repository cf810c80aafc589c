/**
 * Reads the launched patient, their active medications and conditions from the EHR's FHIR server with the
 * access token, as one Bundle for `readPatientBundle`. Any failure names the URL and status.
 */
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import { refused } from "../../domain/errors.ts";

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw refused(`the EHR answered ${response.status} to ${url}`, {
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
  // The type/id form every FHIR server reads (a bare id is not found by some, e.g. Medplum's memory repository).
  const ref = `Patient%2F${id}`;
  const patient = (await getJson(`${iss}/Patient/${id}`, token)) as Resource;
  let resources: Resource[] = [patient];
  // Active medications (the opioids screened), and conditions (how long the chronic pain has lasted).
  for (const search of [
    `MedicationRequest?patient=${ref}&status=active`,
    `MedicationStatement?patient=${ref}&status=active`,
    `Condition?patient=${ref}`,
  ]) {
    resources = resources.concat(entriesOf(await getJson(`${iss}/${search}`, token)));
  }
  return { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
}
