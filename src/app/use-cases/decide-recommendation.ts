/**
 * A clinician's decision on the engine's recommendation: the assessment as of a date is kept as
 * the recommendation, and the decision (accept, or override with a reason and what to do
 * instead) is kept beside it with who decided. An override is replayed by the engine from then on.
 */
import type { Decision, Recommendation } from "../ports/recommendation-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { DomainError, invalidArgument } from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { parseDecision } from "../../domain/titration/decisions.ts";
import { assessRecord, loadPatientRecord } from "./assess-patient.ts";

/** An override not stored yet, in the shape the engine replays. */
const asDecision = (engineDecision: Record<string, unknown>): Decision => ({
  id: "pending",
  recommendationId: "pending",
  decidedBy: "pending",
  decision: "override",
  reason: null,
  decidedAt: "",
  engineDecision,
});

export interface DecisionInput {
  readonly patientId: string;
  readonly asOf?: string;
  readonly decision: "accept" | "override";
  readonly reason?: string;
  /** For an override: what the engine should do instead (set-dose, set-med, consolidate, pause, resume, stop). */
  readonly instead?: Readonly<Record<string, unknown>>;
}

/**
 * @example
 * await decideRecommendation(tx, { patientId, decision: "override", reason: "patient travelling",
 *   instead: { kind: "pause" } });
 */
export async function decideRecommendation(
  tx: Repositories,
  input: DecisionInput,
): Promise<{ readonly recommendation: Recommendation; readonly decision: Decision }> {
  const record = await loadPatientRecord(tx, input.patientId);
  const assessment = assessRecord(record, input.asOf);
  if (!record.plan || !assessment)
    throw new DomainError("invalid_argument", "The patient has no plan to decide on", { field: "patientId" });
  const reason = input.reason?.trim() || null;
  let engineDecision: Record<string, unknown> | null = null;
  if (input.decision === "override") {
    if (!reason)
      throw invalidArgument("reason", input.reason ?? "", "an override needs the reason, for the record");
    if (!input.instead)
      throw invalidArgument(
        "instead",
        null,
        'an override must say what to do instead (e.g. {"kind": "set-dose", "totalUg": 700})',
      );
    const protocol = getProtocol(record.plan.protocolId);
    engineDecision = { ...parseDecision({ ...input.instead, date: assessment.asOf }, protocol, "instead") };
  }
  // What the override leads to, so the dashboard does not ask the clinician to review the
  // state they have just chosen.
  const after = engineDecision
    ? assessRecord(
        { ...record, decisions: [...record.decisions, asDecision(engineDecision)] },
        assessment.asOf,
      )
    : assessment;
  const recommendation = await tx.recommendations.create({
    patientId: input.patientId,
    planId: record.plan.id,
    protocolKey: assessment.protocolKey,
    asOf: assessment.asOf,
    state: assessment.state,
    body: {
      state: assessment.state,
      medUg: assessment.medUg,
      windowUg: assessment.windowUg,
      currentUg: assessment.currentUg,
      next: assessment.next,
      hormesis: assessment.hormesis,
      reasons: assessment.reasons,
      // The alerts shown with the recommendation the clinician decided on.
      alerts: assessment.alerts,
      detector: assessment.detector,
      decidedOn: assessment.decidedOn,
      settled: { state: after?.state ?? assessment.state, medUg: after?.medUg ?? assessment.medUg },
    },
  });
  const decision = await tx.recommendations.decide({
    recommendationId: recommendation.id,
    patientId: input.patientId,
    decision: input.decision,
    reason,
    engineDecision,
  });
  if (!decision)
    throw new DomainError("invalid_argument", "This recommendation has already been decided", {});
  return { recommendation, decision };
}
