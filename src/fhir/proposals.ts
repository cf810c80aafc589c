/**
 * The engine's recommendations as MedicationRequest proposals, and each clinician decision on
 * one as a Provenance: the clinician the author, ldn's engine the device that proposed, the
 * proposal the entity the decision was made on.
 */
import type { MedicationRequest, Provenance } from "@medplum/fhirtypes";
import type { Decision, Recommendation } from "../app/ports/recommendation-repository.ts";
import { DECISION_CODES, LDN_DEVICE_ID, ref } from "./codes.ts";
import { dosagesFor, type TimedDose } from "./dosage.ts";
import { containedNaltrexone, NALTREXONE_REFERENCE } from "./naltrexone.ts";

interface NextDay {
  readonly date: string;
  readonly totalUg: number;
  readonly doses: readonly TimedDose[];
}

/**
 * A recommendation as a proposal: still `active` until decided, `completed` once accepted and
 * `cancelled` once overridden (the clinician ordered something else).
 *
 * @example proposal(rec, undefined).intent // "proposal"
 */
export function proposal(rec: Recommendation, decision: Decision | undefined): MedicationRequest {
  const next = rec.body.next as NextDay | null | undefined;
  const reasons = Array.isArray(rec.body.reasons) ? (rec.body.reasons as string[]) : [];
  return {
    resourceType: "MedicationRequest",
    id: rec.id,
    contained: [containedNaltrexone()],
    status: decision === undefined ? "active" : decision.decision === "accept" ? "completed" : "cancelled",
    intent: "proposal",
    medicationReference: NALTREXONE_REFERENCE,
    subject: ref("Patient", rec.patientId),
    authoredOn: rec.createdAt,
    requester: ref("Device", LDN_DEVICE_ID),
    reasonCode: [{ text: `engine state ${rec.state} as of ${rec.asOf} (${rec.protocolKey})` }],
    ...(reasons.length === 0 ? {} : { note: reasons.map((text) => ({ text })) }),
    ...(next
      ? { dosageInstruction: dosagesFor(next.doses, { start: next.date, end: next.date }, undefined) }
      : {}),
  };
}

/** The clinician's decision on a proposal. */
export function decisionProvenance(decision: Decision): Provenance {
  const accepted = decision.decision === "accept";
  return {
    resourceType: "Provenance",
    id: decision.id,
    target: [ref("MedicationRequest", decision.recommendationId)],
    recorded: decision.decidedAt,
    activity: {
      coding: [
        {
          system: DECISION_CODES,
          code: decision.decision,
          display: accepted ? "Recommendation accepted" : "Recommendation overridden",
        },
      ],
    },
    ...(decision.reason === null ? {} : { reason: [{ text: decision.reason }] }),
    agent: [
      {
        type: {
          coding: [
            { system: "http://terminology.hl7.org/CodeSystem/provenance-participant-type", code: "author" },
          ],
        },
        who: ref("Practitioner", decision.decidedBy),
      },
      {
        type: {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
              code: "assembler",
            },
          ],
        },
        who: ref("Device", LDN_DEVICE_ID),
      },
    ],
    entity: [{ role: "derivation", what: ref("MedicationRequest", decision.recommendationId) }],
  };
}
