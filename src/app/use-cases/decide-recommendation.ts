/**
 * A clinician's decision on the engine's recommendation: the assessment as of a date is kept as
 * the recommendation, and the decision (accept, or override with a reason and what to do
 * instead) is kept beside it with who decided. An override is replayed by the engine from then on.
 */
import { createHash } from "node:crypto";
import type { Decision, Recommendation } from "../ports/recommendation-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { conflict, invalidArgument, refused } from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { parseDecision } from "../../domain/titration/decisions.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";
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
 * The recommendation as the clinician sees it, as a short hash: the plan, the day it is as of,
 * the state, the doses (MED, window, current, next) and the alerts. Two assessments that show
 * the clinician the same recommendation have the same fingerprint.
 *
 * @example recommendationFingerprint(plan.id, assessment) // "3f9a..."
 */
export function recommendationFingerprint(planId: string, a: Assessment): string {
  const shown = {
    planId,
    asOf: a.asOf,
    state: a.state,
    medUg: a.medUg,
    windowUg: a.windowUg,
    currentUg: a.currentUg,
    next: { date: a.next.date, totalUg: a.next.totalUg, doses: a.next.doses },
    alerts: a.alerts.map((x) => [x.code, x.date]),
  };
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

/**
 * Decides once per recommendation: the same decision on the recommendation already decided
 * (a second click, a retry) returns the decision kept (`replayed: true`) and records nothing.
 *
 * @example
 * await decideRecommendation(tx, { patientId, decision: "override", reason: "patient travelling",
 *   instead: { kind: "pause" } });
 */
export async function decideRecommendation(
  tx: Repositories,
  input: DecisionInput,
): Promise<{
  readonly recommendation: Recommendation;
  readonly decision: Decision;
  readonly replayed: boolean;
}> {
  const record = await loadPatientRecord(tx, input.patientId);
  const assessment = assessRecord(record, input.asOf);
  if (!record.plan || !assessment)
    throw refused("The patient has no plan to decide on", { field: "patientId" });
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
  const fingerprint = recommendationFingerprint(record.plan.id, assessment);
  if (engineDecision) {
    // The same override sent again once the first has landed: the recommendation shown now is
    // the one that override led to, so it is found by what it settled, not by its key.
    const sameOverride = await overrideSettledOn(
      tx,
      input.patientId,
      record.decisions,
      fingerprint,
      reason,
      engineDecision,
    );
    if (sameOverride) return { ...sameOverride, replayed: true };
  }
  // The same decision on the same recommendation is one record; an override is the same one
  // only with the same reason and the same change.
  const decisionKey =
    input.decision === "accept"
      ? `${fingerprint}:accept`
      : `${fingerprint}:override:${createHash("sha256")
          .update(JSON.stringify({ reason, engineDecision }))
          .digest("hex")
          .slice(0, 32)}`;
  const kept = await tx.recommendations.createOnce({
    decisionKey,
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
      // Which recommendation this decision is on, and the one it leads to (for an override),
      // so the chart can show the decision beside the recommendation it settled.
      fingerprint,
      settledFingerprint: after ? recommendationFingerprint(record.plan.id, after) : fingerprint,
    },
  });
  const { recommendation } = kept;
  if (!kept.created) {
    if (!kept.decision)
      throw conflict("This recommendation is being decided right now; reload the page", {
        field: "decision",
      });
    return { recommendation, decision: kept.decision, replayed: true };
  }
  const decision = await tx.recommendations.decide({
    recommendationId: recommendation.id,
    patientId: input.patientId,
    decision: input.decision,
    reason,
    engineDecision,
  });
  // Another decision got there first: the request contradicts what is stored (409).
  if (!decision) throw conflict("This recommendation has already been decided", { field: "decision" });
  return { recommendation, decision, replayed: false };
}

/** An identical override already made, that led to the recommendation with this fingerprint. */
async function overrideSettledOn(
  tx: Repositories,
  patientId: string,
  decisions: readonly Decision[],
  fingerprint: string,
  reason: string | null,
  engineDecision: Readonly<Record<string, unknown>>,
): Promise<{ readonly recommendation: Recommendation; readonly decision: Decision } | undefined> {
  const overrides = decisions.filter(
    (d) =>
      d.decision === "override" &&
      d.reason === reason &&
      JSON.stringify(d.engineDecision) === JSON.stringify(engineDecision),
  );
  if (overrides.length === 0) return undefined;
  const recommendations = await tx.recommendations.listForPatient(patientId);
  for (const decision of overrides) {
    const recommendation = recommendations.find((r) => r.id === decision.recommendationId);
    if (
      (recommendation?.body as { settledFingerprint?: string } | undefined)?.settledFingerprint ===
      fingerprint
    )
      return { recommendation: recommendation!, decision };
  }
  return undefined;
}
