/** The engine's assessment of a patient, and clinicians' decisions on its recommendations. */
import { z } from "zod/v4";
import { assessRecord, loadPatientRecord } from "../../app/use-cases/assess-patient.ts";
import {
  decideRecommendation,
  recommendationFingerprint,
} from "../../app/use-cases/decide-recommendation.ts";
import { describeDecision } from "../../app/use-cases/describe-decision.ts";
import { explainDoseForPatient } from "../../app/use-cases/explain-dose-for-patient.ts";
import { questionnaireDue } from "../../app/use-cases/questionnaire-due.ts";
import type { Decision, Recommendation } from "../../app/ports/recommendation-repository.ts";
import { recommendationWaiting, stateDetail } from "../../app/use-cases/summarise-patient.ts";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol, PROTOCOLS } from "../../domain/protocols/catalogue.ts";
import type { ClinicianDecision } from "../../domain/titration/decisions.ts";
import { AlertSchema, alertDto } from "../api/alerts.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";
import { todayIn } from "../today.ts";

const noteField = { note: z.string().optional() };

/** What an override set, as the engine replays it (src/domain/titration/decisions.ts: ClinicianDecision). */
const EngineDecisionSchema = z.union([
  z.object({
    date: z.string(),
    kind: z.enum(["set-dose", "set-med"]),
    totalUg: z.number().int(),
    ...noteField,
  }),
  z.object({ date: z.string(), kind: z.literal("consolidate"), doseCount: z.number().int(), ...noteField }),
  z.object({ date: z.string(), kind: z.enum(["pause", "resume", "stop"]), ...noteField }),
]);

/** Pain at one daily total so far (src/domain/titration/level-stats.ts: LevelSummary). */
const LevelSchema = z.object({
  ug: z.number().int().describe("the daily total"),
  n: z.number().int().describe("recorded days with that total taken in full"),
  meanPain: z.number(),
});

export const DecisionSchema = z.object({
  recommendationId: z.string(),
  asOf: z.string(),
  state: z.string(),
  decision: z.enum(["accept", "override"]),
  reason: z.string().nullable(),
  decidedBy: z.string(),
  decidedByName: z.string().nullable().describe("the clinician who decided, by name"),
  decidedAt: z.string(),
  instead: EngineDecisionSchema.nullable(),
  insteadText: z
    .string()
    .nullable()
    .describe('what an override set, in words (e.g. "set the daily dose to 0.7 mg"); null for an accept'),
});
export type DecisionDto = z.infer<typeof DecisionSchema>;

export const AssessmentSchema = z.object({
  asOf: z.string(),
  protocolKey: z.string(),
  detector: z.string(),
  state: z.enum(["titrating", "window", "med", "paused", "stopped", "maintenance"]),
  summary: z.string(),
  medUg: z.number().nullable(),
  windowUg: z.number().nullable(),
  currentUg: z.number(),
  next: z.object({
    date: z.string(),
    totalUg: z.number(),
    total: z.string(),
    doses: z.array(z.object({ time: z.string(), ug: z.number(), dose: z.string() })),
  }),
  hormesis: z.boolean(),
  reasons: z.array(z.string()),
  reasonData: z
    .array(
      z.object({
        code: z.string(),
        date: z.string(),
        text: z.string(),
        values: z.record(z.string(), z.number()).optional(),
      }),
    )
    .describe("the reasons as data: a stable code, the date, the text, and the numbers behind it by name"),
  decidedOn: z.string().nullable(),
  levels: z.array(LevelSchema),
  alerts: z.array(AlertSchema).describe("what the engine wants a clinician to see now; empty when nothing"),
  waiting: z.boolean().describe("the engine's state has not been decided on by a clinician yet"),
  started: z
    .boolean()
    .describe(
      "the assessment is as of a day of the plan (false before its first day: nothing to decide yet)",
    ),
  decision: DecisionSchema.nullable().describe(
    "the clinician's decision on this very recommendation (who, when, what an override set); null while none",
  ),
  forPatient: z
    .object({
      why: z.string(),
      confirmed: z.string(),
      questionnaireDue: z
        .object({ kind: z.enum(["start", "follow-up"]), since: z.string() })
        .nullable()
        .describe("the outcome questionnaire due now (none yet, or 4 weeks after the MED), or null"),
    })
    .describe("for the patient's phone: why the dose is what it is, and whether the clinician confirmed it"),
});
export type AssessmentDto = z.infer<typeof AssessmentSchema>;

/** A decision as the API gives it, with who by name and what an override set in words. */
function decisionDto(recommendation: Recommendation | undefined, d: Decision) {
  const protocolId = recommendation?.protocolKey.split("@")[0];
  const unit = PROTOCOLS.find((p) => p.id === protocolId)?.unit ?? "mg";
  return {
    recommendationId: d.recommendationId,
    asOf: recommendation?.asOf ?? "",
    state: recommendation?.state ?? "",
    decision: d.decision,
    reason: d.reason,
    decidedBy: d.decidedBy,
    decidedByName: d.decidedByName ?? null,
    decidedAt: d.decidedAt,
    // Kept as parseDecision made it (decide-recommendation.ts); the port holds it as stored JSON.
    instead: d.engineDecision as ClinicianDecision | null,
    insteadText: describeDecision(d.engineDecision, unit),
  };
}

export const assessmentRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/assessment",
    summary:
      "Where the patient stands as of a date (default: their last check-in) and the engine's recommendation, with reasons and alerts",
    tag: "titration",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "assessment.read",
    params: PatientParams,
    query: z.object({ asOf: IsoDateSchema.optional() }),
    response: AssessmentSchema.nullable(),
    handler: async ({ tx, params, query, services }) => {
      const record = await loadPatientRecord(tx, params.patientId);
      const a = assessRecord(record, query.asOf);
      if (!a || !record.plan) return null;
      const unit = getProtocol(record.plan.protocolId).unit;
      const recommendations = await tx.recommendations.listForPatient(params.patientId);
      // The decision on the recommendation shown: made on it, or an override that led to it.
      const fingerprint = recommendationFingerprint(record.plan.id, a);
      const decidedOn = new Map(record.decisions.map((d) => [d.recommendationId, d]));
      const settledHere = recommendations.find((r) => {
        const body = r.body as { fingerprint?: string; settledFingerprint?: string };
        return (
          decidedOn.has(r.id) && (body.fingerprint === fingerprint || body.settledFingerprint === fingerprint)
        );
      });
      const waiting = recommendationWaiting(
        { recommendations, decisions: record.decisions },
        a,
        record.plan.startDate,
      );
      const started = a.asOf >= record.plan.startDate;
      const decision = settledHere ? decisionDto(settledHere, decidedOn.get(settledHere.id)!) : null;
      return {
        ...a,
        summary: stateDetail(a),
        next: {
          ...a.next,
          total: formatDose(a.next.totalUg, unit),
          doses: a.next.doses.map((d) => ({ ...d, dose: formatDose(d.ug, unit) })),
        },
        levels: a.levels,
        alerts: a.alerts.map(alertDto),
        waiting,
        started,
        decision,
        forPatient: {
          ...explainDoseForPatient(a, { started, startDate: record.plan.startDate, waiting, decision }, unit),
          questionnaireDue: questionnaireDue(
            a,
            record.plan.startDate,
            (await tx.questionnaires.listForPatient(params.patientId)).map((q) => q.answeredOn),
            todayIn(services.clock),
          ),
        },
      };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/decisions",
    summary:
      "Accept the engine's recommendation as of a date, or override it with a reason and what to do instead. Once per recommendation: the same decision again answers the one kept with 200 and records nothing",
    tag: "titration",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "decision.create",
    params: PatientParams,
    body: z.object({
      asOf: IsoDateSchema.optional(),
      decision: z.enum(["accept", "override"]),
      reason: z.string().max(2000).optional(),
      instead: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('e.g. {"kind": "set-dose", "totalUg": 700} or {"kind": "stop"}'),
    }),
    response: DecisionSchema,
    successStatus: 201,
    handler: async ({ tx, params, body }) => {
      const { recommendation, decision, replayed } = await decideRecommendation(tx, {
        patientId: params.patientId,
        ...body,
      });
      // The same decision on a recommendation already decided is the one kept: 200, not 201.
      return { status: replayed ? 200 : 201, body: decisionDto(recommendation, decision) };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/decisions",
    summary: "Every clinician decision on this patient's recommendations, with who and why",
    tag: "titration",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "decision.list",
    params: PatientParams,
    response: z.array(DecisionSchema),
    handler: async ({ tx, params }) => {
      const recs = new Map((await tx.recommendations.listForPatient(params.patientId)).map((r) => [r.id, r]));
      return (await tx.recommendations.decisionsForPatient(params.patientId)).map((d) =>
        decisionDto(recs.get(d.recommendationId), d),
      );
    },
  }),
];
