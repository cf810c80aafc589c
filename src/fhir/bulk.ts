/**
 * Resources as FHIR Bulk Data files (one `<ResourceType>.ndjson` per type, one resource a line)
 * and as a Bundle of type `collection` (one patient's record for the API).
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { LDN_BASE } from "./codes.ts";

/**
 * @example ndjsonFiles([patient, obs1, obs2]).get("Observation") // two lines, each ending "\n"
 */
export function ndjsonFiles(resources: readonly Resource[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const resource of resources) {
    const list = lines.get(resource.resourceType) ?? [];
    list.push(JSON.stringify(resource));
    lines.set(resource.resourceType, list);
  }
  return new Map([...lines].map(([type, list]) => [type, list.join("\n") + "\n"]));
}

/** How many resources of each type, sorted by type. */
export function countsByType(resources: readonly Resource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A `collection` Bundle; each entry's fullUrl is ldn's base plus `Type/id`, so the relative
 * references inside resolve to entries of the same Bundle.
 *
 * @example collectionBundle(resources, "2027-01-04T09:00:00.000Z").entry[0].fullUrl
 * // "https://ldn.example.org/fhir/Organization/..."
 */
export function collectionBundle(resources: readonly Resource[], timestamp: string): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp,
    entry: resources.map((resource) => ({
      fullUrl: `${LDN_BASE}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}
