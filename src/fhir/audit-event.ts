/**
 * ldn's audit trail as AuditEvents (type `rest`, ldn's action as the subtype). The hash chain
 * that makes ldn's trail tamper-evident has no standard element, so it stays in ldn.
 */
import type { AuditEvent as FhirAuditEvent, AuditEventAgent } from "@medplum/fhirtypes";
import type { AuditEvent } from "../app/ports/audit-log.ts";
import { ACTION_CODES, LDN_DEVICE_ID, ref } from "./codes.ts";

/** FHIR's action codes: Create, Read, Update, Delete, Execute. */
function actionCode(action: string): "C" | "R" | "U" | "D" | "E" {
  const verb = action.split(".").at(-1) ?? "";
  if (/^(create|record|add|join|enrol)/.test(verb)) return "C";
  if (/^(read|list|summary|export|history|view|get)/.test(verb)) return "R";
  if (/^(delete|revoke|disable)/.test(verb)) return "D";
  if (/^(update|set|screen|decide|correct|ack)/.test(verb)) return "U";
  return "E";
}

/** FHIR outcome codes: 0 success, 4 minor failure (a refusal), 8 serious failure. */
const OUTCOME = { success: "0", denied: "4", failure: "8" } as const;

/**
 * @example auditEvent(event, (kind, id) => kind === "staff" ? ref("Practitioner", id) : undefined).action // "R"
 */
export function auditEvent(
  event: AuditEvent,
  actorRef: (kind: string, id: string) => AuditEventAgent["who"] | undefined,
): FhirAuditEvent {
  const who = actorRef(event.actor.kind, event.actor.id) ?? {
    display: `${event.actor.kind} ${event.actor.id}`,
  };
  return {
    resourceType: "AuditEvent",
    id: `audit-${event.id}`,
    type: {
      system: "http://terminology.hl7.org/CodeSystem/audit-event-type",
      code: "rest",
      display: "RESTful Operation",
    },
    subtype: [{ system: ACTION_CODES, code: event.action }],
    action: actionCode(event.action),
    recorded: event.at,
    outcome: OUTCOME[event.outcome],
    agent: [{ who, requestor: true }],
    source: { observer: ref("Device", LDN_DEVICE_ID) },
    ...(event.patientId === null ? {} : { entity: [{ what: ref("Patient", event.patientId) }] }),
  };
}
