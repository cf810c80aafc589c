/**
 * 0005: one decision per recommendation, whatever the clicks. Append-only: never edited once
 * landed.
 *
 * - recommendations.decision_key: what was decided on and how (the recommendation as shown, and
 *   the decision: accept, or the override with its reason and what it set). A unique index on
 *   (plan_id, decision_key) makes the same decision on the same recommendation one record: a
 *   second click, a retry or a second clinician at once finds the first and changes nothing.
 *   Null for the decisions made before 0005.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("recommendations").addColumn("decision_key", "text").execute();
  await db.schema
    .createIndex("recommendations_plan_decision_key")
    .on("recommendations")
    .columns(["plan_id", "decision_key"])
    .unique()
    .execute();
}
