/**
 * A protocol version as a PlanDefinition (type clinical-protocol) with the source it follows as
 * a citation. The engine that runs it stays code: this says which protocol, not how it decides.
 */
import type { PlanDefinition } from "@medplum/fhirtypes";
import type { ProtocolDefinition } from "../domain/protocols/protocol.ts";
import { LDN_BASE } from "./codes.ts";

/** @example planDefinitionId("micro-titration", 2) // "micro-titration-v2" */
export const planDefinitionId = (protocolId: string, version: number): string => `${protocolId}-v${version}`;

/**
 * @example planDefinition(microTitration).url // "https://ldn.example.org/fhir/PlanDefinition/micro-titration-v2"
 */
export function planDefinition(protocol: ProtocolDefinition, version = protocol.version): PlanDefinition {
  const id = planDefinitionId(protocol.id, version);
  return {
    resourceType: "PlanDefinition",
    id,
    url: `${LDN_BASE}/PlanDefinition/${id}`,
    version: String(version),
    name: pascalCase(protocol.id),
    title: protocol.name,
    type: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/plan-definition-type",
          code: "clinical-protocol",
          display: "Clinical Protocol",
        },
      ],
    },
    status: "active",
    description: protocol.rule,
    relatedArtifact: [{ type: "citation", label: protocol.source.doc, citation: protocol.source.citation }],
  };
}

/** FHIR's PlanDefinition.name is machine-friendly, starting with a capital (pdf-0). */
const pascalCase = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("")
    .replace(/^(\d)/, "P$1");
