/** The engine's assessment of a patient, and clinicians' decisions on its recommendations. */
import { z } from "zod/v4";
import { assessRecord, loadPatientRecord } from "../../app/use-cases/assess-patient.ts";
import { decideRecommendation } from "../../app/use-cases/decide-recommendation.ts";
import { recommendationWaiting, stateText } from "../../app/use-cases/summarise-patient.ts";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { AlertSchema, alertDto } from "../api/alerts.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";

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
  levels: z.array(z.record(z.string(), z.unknown())),
  alerts: z.array(AlertSchema).describe("what the engine wants a clinician to see now; empty when nothing"),
  waiting: z.boolean().describe("the engine's state has not been decided on by a clinician yet"),
});
export type AssessmentDto = z.infer<typeof AssessmentSchema>;

export const DecisionSchema = z.object({
  recommendationId: z.string(),
  asOf: z.string(),
  state: z.string(),
  decision: z.enum(["accept", "override"]),
  reason: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  instead: z.record(z.string(), z.unknown()).nullable(),
});

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
    handler: async ({ tx, params, query }) => {
      const record = await loadPatientRecord(tx, params.patientId);
      const a = assessRecord(record, query.asOf);
      if (!a || !record.plan) return null;
      const unit = getProtocol(record.plan.protocolId).unit;
      const recommendations = await tx.recommendations.listForPatient(params.patientId);
      return {
        ...a,
        summary: stateText(a),
        next: {
          ...a.next,
          total: formatDose(a.next.totalUg, unit),
          doses: a.next.doses.map((d) => ({ ...d, dose: formatDose(d.ug, unit) })),
        },
        levels: a.levels as unknown as Record<string, unknown>[],
        alerts: a.alerts.map(alertDto),
        waiting: recommendationWaiting({ recommendations, decisions: record.decisions }, a),
      };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/decisions",
    summary:
      "Accept the engine's recommendation as of a date, or override it with a reason and what to do instead",
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
      const { recommendation, decision } = await decideRecommendation(tx, {
        patientId: params.patientId,
        ...body,
      });
      return {
        recommendationId: recommendation.id,
        asOf: recommendation.asOf,
        state: recommendation.state,
        decision: decision.decision,
        reason: decision.reason,
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
        instead: decision.engineDecision as Record<string, unknown> | null,
      };
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
      return (await tx.recommendations.decisionsForPatient(params.patientId)).map((d) => ({
        recommendationId: d.recommendationId,
        asOf: recs.get(d.recommendationId)?.asOf ?? "",
        state: recs.get(d.recommendationId)?.state ?? "",
        decision: d.decision,
        reason: d.reason,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        instead: d.engineDecision as Record<string, unknown> | null,
      }));
    },
  }),
];
