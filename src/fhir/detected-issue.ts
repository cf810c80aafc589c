/**
 * The opioid interaction a clinician went on despite, as a DetectedIssue (v3-ActCode DRG,
 * drug interaction): what the alert said, the plan's order and the opioids it implicates, and
 * the clinician's recorded decision as the mitigation.
 */
import type { DetectedIssue, Reference } from "@medplum/fhirtypes";
import type { Plan } from "../app/ports/plan-repository.ts";
import { ACT_CODE, ref } from "./codes.ts";

/**
 * @example interactionIssue(plan, "MedicationRequest/plan-d1", [ref("MedicationStatement", "p-opioid-1")])?.code
 * // { coding: [{ system: ACT_CODE, code: "DRG" }] }
 */
export function interactionIssue(
  plan: Plan,
  order: Reference | undefined,
  opioids: readonly Reference[],
): DetectedIssue | undefined {
  const ack = plan.interactionAck;
  if (ack === null) return undefined;
  return {
    resourceType: "DetectedIssue",
    id: `${plan.id}-interaction`,
    status: "final",
    code: { coding: [{ system: ACT_CODE, code: "DRG", display: "Drug Interaction Alert" }] },
    // The screening's alert is a warning a clinician must acknowledge before going on (clinical reference 3).
    severity: "moderate",
    patient: ref("Patient", plan.patientId),
    identifiedDateTime: plan.createdAt,
    author: ref("Device", "ldn"),
    implicated: [...(order === undefined ? [] : [order]), ...opioids],
    detail: ack.alert,
    mitigation: [
      {
        action: { text: `clinician recorded the decision to go on: ${ack.reason}` },
        date: plan.createdAt,
        author: ref("Practitioner", ack.by),
      },
    ],
  };
}
