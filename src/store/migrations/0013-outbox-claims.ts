/**
 * 0013: several server processes share one outbox (issue 14), so a message is claimed before it
 * is sent. Append-only: never edited once landed.
 *
 * - outbox.claimed_by: the dispatcher that took the message (a random id per process), or null.
 * - outbox.claimed_until: when that claim lapses (ISO-8601, UTC). A dispatcher that dies
 *   mid-send leaves its claim behind; once it lapses, another dispatcher may try the message.
 */
import type { Kysely } from "kysely";
import type { DialectName } from "./dialect-name.ts";

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claimed_until", "text").execute();
}
