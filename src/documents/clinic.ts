/** Who the printed documents are from and for: set by the clinic for each print. */

/** The clinic's name and the number a patient calls (when the clinic has set one). */
export interface ClinicContact {
  readonly name: string;
  readonly phone?: string | undefined;
}

/** The prescriber who signs the pharmacy order. */
export interface Prescriber {
  readonly name: string;
  /** A licence, NPI or other identifier the pharmacy needs, as the clinic writes it. */
  readonly identifier?: string;
}

/** The patient as the documents name them. */
export interface PatientName {
  readonly name: string;
  /** Date of birth, YYYY-MM-DD, for the pharmacy to match the patient. */
  readonly birthDate?: string;
}
