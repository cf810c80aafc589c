/**
 * Fills the pharmacy has dispensed: what was in each (the strengths and quantities, and the
 * capsules that make each dose), the days it covers, who handed it over and when. The next fill
 * is due when the last one runs out.
 */

/** One strength in a fill and how many capsules of it. */
export interface FillStrength {
  readonly ug: number;
  readonly quantity: number;
}

/** One dose amount of a fill: the capsules that make it and how often it is taken. */
export interface FillRecipe {
  readonly ug: number;
  readonly count: number;
  readonly capsules: readonly number[];
}

/** What a fill holds, as dispensed. */
export interface FillLines {
  readonly strengths: readonly FillStrength[];
  readonly recipes: readonly FillRecipe[];
}

export interface DispensedFill {
  readonly id: string;
  readonly patientId: string;
  readonly planId: string;
  /** `YYYY-MM-DD`, the fill's first and last day. */
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly lines: FillLines;
  readonly idempotencyKey: string;
  /** The staff member who dispensed it, and their name as the clinic shows it. */
  readonly dispensedBy: string;
  readonly dispensedByName: string | null;
  readonly dispensedAt: string;
}

export type NewDispensedFill = Pick<
  DispensedFill,
  "patientId" | "planId" | "start" | "end" | "days" | "lines" | "idempotencyKey"
>;

export interface DispensedFillRepository {
  /**
   * Records a fill as dispensed by the acting staff member, now. When the patient already has
   * a fill under this key, or one starting the same day, nothing is written and that fill is
   * returned with `created: false`. Audited as `fill.dispense`.
   *
   * @example await tx.fills.record({ patientId, planId, start: "2027-01-04", end: "2027-01-31",
   *   days: 28, lines, idempotencyKey: "9c2e..." });
   */
  record(input: NewDispensedFill): Promise<{ readonly fill: DispensedFill; readonly created: boolean }>;
  /** The patient's dispensed fills, by first day. Audited as `fill.list`. */
  listForPatient(patientId: string): Promise<readonly DispensedFill[]>;
  /**
   * Every dispensed fill of a clinic's patients, by patient then first day. Audited as one
   * `fill.list` event per patient with a fill.
   */
  listForClinic(clinicId: string): Promise<readonly DispensedFill[]>;
}
