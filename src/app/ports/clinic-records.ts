/**
 * Everything the clinic's dashboard needs about all of its patients, read in a few queries
 * rather than a few per patient (a clinic of a thousand patients must still open at once).
 */
import type { AttentionAck } from "./attention-ack-repository.ts";
import type { DiaryEntry } from "./diary-repository.ts";
import type { Patient } from "./patient-repository.ts";
import type { PatientSummaryStore } from "./patient-summary-store.ts";
import type { Plan } from "./plan-repository.ts";
import type { QuestionnaireResponse } from "./questionnaire-repository.ts";
import type { Decision, Recommendation } from "./recommendation-repository.ts";

export interface PatientRecords {
  readonly patient: Patient;
  readonly plans: readonly Plan[];
  readonly diary: readonly DiaryEntry[];
  readonly recommendations: readonly Recommendation[];
  readonly decisions: readonly Decision[];
  readonly questionnaires: readonly QuestionnaireResponse[];
  /** Clinicians' acknowledgements of what needed attention (none read for a "dosing" list). */
  readonly acks?: readonly AttentionAck[];
}

export interface ClinicRecordsOptions {
  /**
   * "clinical" (default) reads everything; "dosing" (a pharmacist's list) reads only what the
   * engine needs to give each patient's dose today (plans, diary, decisions): no
   * recommendations, no questionnaires.
   */
  readonly scope?: "clinical" | "dosing";
}

export interface ClinicRecordsReader extends PatientSummaryStore {
  /**
   * Every patient of the clinic with their records, in enrolment order. Audited as one
   * `patient.summary` event per patient, so each patient's trail shows the dashboard read.
   *
   * @example const all = await tx.records.forClinic(clinicId);
   */
  forClinic(clinicId: string, options?: ClinicRecordsOptions): Promise<readonly PatientRecords[]>;
}
