/** Recommendations and the clinician decisions on them, over `recommendations` and `decisions`. */
import type {
  Decision,
  Recommendation,
  RecommendationRepository,
} from "../../app/ports/recommendation-repository.ts";
import type { DecisionTable, RecommendationTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

export const toRecommendation = (row: Omit<RecommendationTable, "decision_key">): Recommendation => ({
  id: row.id,
  patientId: row.patient_id,
  planId: row.plan_id,
  protocolKey: row.protocol_key,
  asOf: row.as_of,
  state: row.state,
  body: JSON.parse(row.body) as Record<string, unknown>,
  createdAt: row.created_at,
});

export const toDecision = (row: DecisionTable & { decided_by_name?: string | null }): Decision => ({
  ...(row.decided_by_name === undefined ? {} : { decidedByName: row.decided_by_name }),
  id: row.id,
  recommendationId: row.recommendation_id,
  decidedBy: row.decided_by,
  decision: row.decision,
  reason: row.reason,
  decidedAt: row.decided_at,
  engineDecision:
    row.engine_decision === null ? null : (JSON.parse(row.engine_decision) as Record<string, unknown>),
});

/** @example await sqlRecommendationRepository(ctx).listForPatient(patientId); */
export function sqlRecommendationRepository(ctx: TxContext): RecommendationRepository {
  return {
    async createOnce(input) {
      const row: RecommendationTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        plan_id: input.planId,
        protocol_key: input.protocolKey,
        as_of: input.asOf,
        state: input.state,
        body: JSON.stringify(input.body),
        created_at: ctx.now(),
        decision_key: input.decisionKey,
      };
      // ON CONFLICT DO NOTHING: a second click racing the first on PostgreSQL waits on the
      // unique (plan, key) index, then inserts nothing and reads what the first kept.
      const inserted = await ctx.trx
        .insertInto("recommendations")
        .values(row)
        .onConflict((oc) => oc.columns(["plan_id", "decision_key"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      const stored =
        inserted ??
        (await ctx.trx
          .selectFrom("recommendations")
          .selectAll()
          .where("plan_id", "=", input.planId)
          .where("decision_key", "=", input.decisionKey)
          .executeTakeFirstOrThrow());
      const created = inserted !== undefined;
      const decision = created
        ? undefined
        : await ctx.trx
            .selectFrom("decisions")
            .leftJoin("staff", "staff.id", "decisions.decided_by")
            .selectAll("decisions")
            .select("staff.display_name as decided_by_name")
            .where("recommendation_id", "=", stored.id)
            .executeTakeFirst();
      await ctx.audit([
        {
          action: "recommendation.create",
          patientId: stored.patient_id,
          subjectId: stored.id,
          details: { asOf: stored.as_of, replayed: !created },
        },
      ]);
      return {
        recommendation: toRecommendation(stored),
        created,
        decision: decision && toDecision(decision),
      };
    },
    async create(input) {
      const row: RecommendationTable = {
        id: ctx.newId(),
        patient_id: input.patientId,
        plan_id: input.planId,
        protocol_key: input.protocolKey,
        as_of: input.asOf,
        state: input.state,
        body: JSON.stringify(input.body),
        created_at: ctx.now(),
        decision_key: null,
      };
      await ctx.trx.insertInto("recommendations").values(row).execute();
      await ctx.audit([
        {
          action: "recommendation.create",
          patientId: row.patient_id,
          subjectId: row.id,
          details: { asOf: row.as_of },
        },
      ]);
      return toRecommendation(row);
    },
    async get(id) {
      const row = await ctx.trx
        .selectFrom("recommendations")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      await ctx.audit([
        {
          action: "recommendation.read",
          patientId: row?.patient_id ?? null,
          subjectId: id,
          outcome: row ? "success" : "failure",
        },
      ]);
      return row && toRecommendation(row);
    },
    async listForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("recommendations")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      await ctx.audit([
        { action: "recommendation.list", patientId, details: { recommendations: rows.length } },
      ]);
      return rows.map(toRecommendation);
    },
    async decide(input) {
      const row: DecisionTable = {
        id: ctx.newId(),
        recommendation_id: input.recommendationId,
        decided_by: ctx.actor.id,
        decision: input.decision,
        reason: input.reason,
        decided_at: ctx.now(),
        engine_decision: input.engineDecision === null ? null : JSON.stringify(input.engineDecision),
      };
      // The unique recommendation_id makes a second decision (a double click) insert nothing.
      const result = await ctx.trx
        .insertInto("decisions")
        .values(row)
        .onConflict((oc) => oc.column("recommendation_id").doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
      await ctx.audit([
        {
          action: "decision.create",
          patientId: input.patientId,
          subjectId: row.id,
          details: { recommendationId: row.recommendation_id, decision: row.decision, reason: row.reason },
        },
      ]);
      const by = await ctx.trx
        .selectFrom("staff")
        .select("display_name")
        .where("id", "=", row.decided_by)
        .executeTakeFirst();
      return toDecision({ ...row, decided_by_name: by?.display_name ?? null });
    },
    async decisionsForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("decisions")
        .innerJoin("recommendations", "recommendations.id", "decisions.recommendation_id")
        .leftJoin("staff", "staff.id", "decisions.decided_by")
        .selectAll("decisions")
        .select("staff.display_name as decided_by_name")
        .where("recommendations.patient_id", "=", patientId)
        .orderBy("decisions.decided_at")
        .orderBy("decisions.id")
        .execute();
      await ctx.audit([{ action: "decision.list", patientId, details: { decisions: rows.length } }]);
      return rows.map(toDecision);
    },
  };
}
