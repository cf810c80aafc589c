/**
 * The code systems, identifier systems and fixed codes every FHIR mapping uses, said once.
 * Codes from published terminologies name their source; ldn's own concepts use ldn's local code
 * systems (never an invented LOINC or SNOMED code).
 */
import type { CodeableConcept, Coding, ExtractResource, Reference, ResourceType } from "@medplum/fhirtypes";

/** The canonical base of ldn's own FHIR artefacts (local code systems, questionnaires, protocols). */
export const LDN_BASE = "https://ldn.example.org/fhir";

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/** ldn's local code system for the diary's own ratings and side effects (fhir.md: no invented LOINC). */
export const DIARY_CODES = `${LDN_BASE}/CodeSystem/diary`;
/** ldn's local code system for questionnaire scores that have no LOINC code for the form scored. */
export const SCORE_CODES = `${LDN_BASE}/CodeSystem/score`;
/** ldn's local code system for a clinician's decision on a recommendation. */
export const DECISION_CODES = `${LDN_BASE}/CodeSystem/decision`;
/** ldn's local code system for audited actions (`patient.read`, `plan.create`, ...). */
export const ACTION_CODES = `${LDN_BASE}/CodeSystem/action`;

/** ldn's extension on Patient: the screening answers besides opioids, as JSON text. */
export const SCREENING_EXTENSION = `${LDN_BASE}/StructureDefinition/screening-answers`;

/** Identifier systems: ldn's own ids, so an import can recognise records it exported. */
export const PATIENT_ID_SYSTEM = `${LDN_BASE}/identifier/patient`;
export const PLAN_ID_SYSTEM = `${LDN_BASE}/identifier/plan`;
/** ldn's stable id of an Observation sent to an EHR (write-back): resending finds it there. */
export const OBSERVATION_ID_SYSTEM = `${LDN_BASE}/identifier/observation`;

/** LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported" (fhir.md, clinical reference). */
export const PAIN_SEVERITY: Coding = {
  system: LOINC,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};

/** SNOMED CT 82423001 "Chronic pain", as HL7's CDC opioid guideline IG uses it (fhir.md). */
export const CHRONIC_PAIN: CodeableConcept = {
  coding: [{ system: SNOMED, code: "82423001", display: "Chronic pain" }],
  text: "Chronic pain",
};

/** RxNorm ingredient naltrexone, RxCUI 7243 (fhir.md: compounded low doses have no clinical-drug code). */
export const NALTREXONE: CodeableConcept = {
  coding: [{ system: RXNORM, code: "7243", display: "naltrexone" }],
  text: "naltrexone",
};

/** SNOMED CT 26643006 "Oral route": every ldn dose is taken by mouth. */
export const ORAL_ROUTE: CodeableConcept = {
  coding: [{ system: SNOMED, code: "26643006", display: "Oral route" }],
  text: "by mouth",
};

export const SURVEY: CodeableConcept[] = [
  { coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }] },
];

/** The one Device that stands for ldn itself: the engine that proposes, the system that acts. */
export const LDN_DEVICE_ID = "ldn";

/** @example ref("Patient", "p1") // { reference: "Patient/p1" } */
export function ref<K extends ResourceType>(
  type: K,
  id: string,
  display?: string,
): Reference<ExtractResource<K>> {
  return display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };
}
