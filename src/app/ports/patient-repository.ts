/** Patients and their screening answers. */
export interface Patient {
  readonly id: string;
  readonly clinicId: string;
  readonly displayName: string;
  /** The screening questionnaire's answers, as the screening code shapes them. */
  readonly screening: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

export interface NewPatient {
  readonly clinicId: string;
  readonly displayName: string;
  readonly screening: Readonly<Record<string, unknown>>;
}

export interface PatientRepository {
  /**
   * Enrols a patient; audited as `patient.create`.
   *
   * @example
   * const patient = await tx.patients.create({ clinicId, displayName: "R. Jones", screening: {} });
   */
  create(input: NewPatient): Promise<Patient>;
  /**
   * One patient, or undefined; audited as `patient.read` (outcome `failure` when missing).
   *
   * @example
   * const patient = await tx.patients.get(id);
   */
  get(id: string): Promise<Patient | undefined>;
  /**
   * A clinic's patients in enrolment order; each one returned is audited as `patient.list`.
   *
   * @example
   * const patients = await tx.patients.listByClinic(clinicId);
   */
  listByClinic(clinicId: string): Promise<readonly Patient[]>;
}
