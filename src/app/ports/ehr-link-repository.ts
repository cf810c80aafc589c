/**
 * The EHR patient each ldn patient was enrolled from by a SMART launch (issue 15): a later launch
 * for the same EHR patient opens that chart, and write-back sends to that EHR patient.
 */

export interface EhrLink {
  readonly patientId: string;
  /** The EHR's FHIR base URL. */
  readonly iss: string;
  readonly ehrPatientId: string;
}

export interface EhrLinkRepository {
  /**
   * Links a patient of the actor's clinic; refused (conflict) when either side is already linked
   * otherwise. Linking again the same way changes nothing.
   *
   * @example await tx.ehrLinks.link({ patientId, iss, ehrPatientId }, clinicId);
   */
  link(link: EhrLink, clinicId: string): Promise<void>;
  /** The clinic's patient linked to this EHR patient, if any. */
  find(clinicId: string, iss: string, ehrPatientId: string): Promise<string | undefined>;
  /** The patient's link, if any. */
  of(patientId: string): Promise<EhrLink | undefined>;
}
