/**
 * Compounded low-dose naltrexone as FHIR: there is no RxNorm clinical-drug code for compounded
 * low doses (fhir.md), so the medication is text plus a contained Medication whose ingredient is
 * the RxNorm naltrexone ingredient.
 */
import type { Medication, Reference } from "@medplum/fhirtypes";
import { NALTREXONE } from "./codes.ts";

export const LDN_TEXT = "naltrexone, compounded low dose (oral)";

/** The contained Medication every naltrexone request and statement carries. */
export function containedNaltrexone(): Medication {
  return {
    resourceType: "Medication",
    id: "ldn",
    code: { text: LDN_TEXT },
    ingredient: [{ itemCodeableConcept: NALTREXONE, isActive: true }],
  };
}

/** The reference to the contained Medication. */
export const NALTREXONE_REFERENCE: Reference<Medication> = { reference: "#ldn", display: LDN_TEXT };
