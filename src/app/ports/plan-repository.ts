/** Plans: a protocol version, its settings and a start date, chosen for one patient. */
export interface Plan {
  readonly id: string;
  readonly patientId: string;
  readonly protocolId: string;
  readonly protocolVersion: number;
  /** Protocol setting overrides as the clinician gave them (dose text, numbers, times). */
  readonly settings: Readonly<Record<string, string | number | readonly string[]>>;
  /** `YYYY-MM-DD`, the first day of the schedule. */
  readonly startDate: string;
  /** Which response detector judges this plan's diary, e.g. `pain-drop-30`. */
  readonly detector: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** The clinician's recorded decision to go on despite an opioid interaction alert. */
  readonly interactionAck: InteractionAck | null;
}

export interface InteractionAck {
  readonly by: string;
  readonly reason: string;
  readonly alert: string;
}

export type NewPlan = Omit<Plan, "id" | "createdBy" | "createdAt" | "interactionAck"> & {
  readonly interactionAck?: InteractionAck | null;
};

export interface PlanRepository {
  /**
   * Starts a plan; the acting staff member is recorded as its author. Audited as `plan.create`.
   *
   * @example
   * await tx.plans.create({ patientId, protocolId: "micro-titration", protocolVersion: 1,
   *   settings: {}, startDate: "2027-01-04", detector: "pain-drop-30" });
   */
  create(input: NewPlan): Promise<Plan>;
  /** @example await tx.plans.listForPatient(patientId) // oldest first */
  listForPatient(patientId: string): Promise<readonly Plan[]>;
}
