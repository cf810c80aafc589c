/** Staff accounts: the people who log in to run a clinic. */
export type StaffRole = "administrator" | "clinician" | "pharmacist";

export interface Staff {
  readonly id: string;
  readonly clinicId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: StaffRole;
  /** A memory-hard hash made by the accounts code; the store never sees a password. */
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface NewStaff {
  readonly clinicId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
}

export interface StaffRepository {
  /**
   * Adds a staff member; emails are unique across the whole server (they are the login).
   *
   * @example
   * await tx.staff.create({ clinicId, email: "a@clinic.example", displayName: "Dr A", role: "clinician", passwordHash });
   */
  create(input: NewStaff): Promise<Staff>;
  /** @example await tx.staff.findByEmail("a@clinic.example") */
  findByEmail(email: string): Promise<Staff | undefined>;
  /** @example await tx.staff.get(id) */
  get(id: string): Promise<Staff | undefined>;
  /** A clinic's staff, by name. Audited as `staff.list`. */
  listByClinic(clinicId: string): Promise<readonly Staff[]>;
  /** Replaces the password hash. Audited as `staff.password`. */
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Disables an account (it can no longer log in). Audited as `staff.disable`. */
  disable(id: string): Promise<void>;
}
