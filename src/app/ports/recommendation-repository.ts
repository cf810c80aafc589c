/**
 * The engine's recommendations as shown to a clinician, and the clinician's decision on each:
 * the software recommends, a clinician decides, and both are kept with who and why.
 */
export interface Recommendation {
  readonly id: string;
  readonly patientId: string;
  readonly planId: string;
  /** The protocol version that made it, e.g. `micro-titration@2`. */
  readonly protocolKey: string;
  readonly asOf: string;
  readonly state: string;
  /** The engine's assessment as JSON (state, next doses, reasons...). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

export type DecisionKind = "accept" | "override";

export interface Decision {
  readonly id: string;
  readonly recommendationId: string;
  readonly decidedBy: string;
  readonly decision: DecisionKind;
  readonly reason: string | null;
  readonly decidedAt: string;
  /** For an override: the clinician decision the engine replays (set-dose, stop...). */
  readonly engineDecision: Readonly<Record<string, unknown>> | null;
  /** The name of the staff member who decided, when read with it. */
  readonly decidedByName?: string | null;
}

export interface RecommendationRepository {
  /** Audited as `recommendation.create`. */
  create(input: Omit<Recommendation, "id" | "createdAt">): Promise<Recommendation>;
  /**
   * Keeps the recommendation a decision is made on, once per `decisionKey` and plan: when one
   * is already kept under that key it is returned (`created: false`) with its decision, and
   * nothing is written. Audited as `recommendation.create` (with `replayed` when found).
   *
   * @example
   * const { recommendation, created, decision } = await tx.recommendations.createOnce({ ...rec, decisionKey });
   */
  createOnce(input: Omit<Recommendation, "id" | "createdAt"> & { readonly decisionKey: string }): Promise<{
    readonly recommendation: Recommendation;
    readonly created: boolean;
    readonly decision: Decision | undefined;
  }>;
  /** Audited as `recommendation.read`. */
  get(id: string): Promise<Recommendation | undefined>;
  /** Newest first. Audited as `recommendation.list`. */
  listForPatient(patientId: string): Promise<readonly Recommendation[]>;
  /**
   * Records the decision; the acting staff member is its author. Returns undefined when the
   * recommendation already has one (one decision per recommendation). Audited as `decision.create`.
   */
  decide(input: {
    readonly recommendationId: string;
    readonly patientId: string;
    readonly decision: DecisionKind;
    readonly reason: string | null;
    readonly engineDecision: Readonly<Record<string, unknown>> | null;
  }): Promise<Decision | undefined>;
  /**
   * Every decision on the patient's recommendations, oldest first, with the name of who
   * decided. Audited as `decision.list`.
   */
  decisionsForPatient(patientId: string): Promise<readonly Decision[]>;
}
