/** Clinics: the tenant every staff member and patient belongs to. */
export interface Clinic {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface ClinicRepository {
  /**
   * @example
   * const clinic = await tx.clinics.create({ name: "Northside Pain Clinic" });
   */
  create(input: { readonly name: string }): Promise<Clinic>;
  /** @example await tx.clinics.get(id) // undefined when there is none */
  get(id: string): Promise<Clinic | undefined>;
  /** @example await tx.clinics.list() // by name */
  list(): Promise<readonly Clinic[]>;
}
