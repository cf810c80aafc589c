/** Patients and their screening answers. */
/** One rescreen: the stored screening (answers and result) before and after. */
export interface ScreeningChange {
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
  /** Staff id of who changed it, and their name (null if the account is gone). */
  readonly by: string;
  readonly byName: string | null;
  readonly at: string;
}

export interface Patient {
  readonly id: string;
  readonly clinicId: string;
  readonly displayName: string;
  /** The screening questionnaire's answers, as the screening code shapes them. */
  readonly screening: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  /** The code the patient logs in with; null until they accept their invitation. */
  readonly loginCode: string | null;
}

/** What login needs of a patient account, and nothing else of their record. */
export interface PatientCredentials {
  readonly patientId: string;
  readonly clinicId: string;
  readonly passwordHash: string | null;
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
  /**
   * Replaces the patient's screening with a newer one (the latest is the one that holds), and
   * keeps the change (before, after, who, when) in the screening history. Audited as
   * `patient.screen`; the audit keeps no clinical detail.
   *
   * @example await tx.patients.updateScreening(id, { answers, result });
   */
  updateScreening(patientId: string, screening: Readonly<Record<string, unknown>>): Promise<void>;
  /**
   * Every change to the patient's screening, oldest first, with the name of who made it.
   * Audited as `patient.screening-history`.
   *
   * @example const changes = await tx.patients.screeningHistory(id);
   */
  screeningHistory(patientId: string): Promise<readonly ScreeningChange[]>;
  /** Sets the login code and password hash when the patient joins. Audited as `patient.join`. */
  setCredentials(patientId: string, loginCode: string, passwordHash: string): Promise<void>;
  /**
   * The clinic a patient belongs to, for access checks and sessions; reads no clinical data.
   *
   * @example await tx.patients.clinicOf(id) // undefined when there is no such patient
   */
  clinicOf(patientId: string): Promise<string | undefined>;
  /**
   * When the patient was enrolled, for the days their diary may reach; reads no clinical data.
   *
   * @example await tx.patients.enrolledAt(id) // "2027-01-04T09:30:00.000Z", undefined when none
   */
  enrolledAt(patientId: string): Promise<string | undefined>;
  /** For login only: no clinical data is read. */
  findCredentials(loginCode: string): Promise<PatientCredentials | undefined>;
}
