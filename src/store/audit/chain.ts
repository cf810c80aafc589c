/**
 * The audit hash chain: each event's hash is sha256 of the previous event's hash and the event's
 * own canonical content, so changing, removing or reordering any stored event breaks every link
 * after it.
 */
import { createHash } from "node:crypto";
import type { AuditEventTable } from "../schema.ts";

/** The "previous hash" of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The columns a hash covers, in the order they are hashed. Never reorder: old hashes would break. */
export type ChainedContent = Omit<AuditEventTable, "prev_hash" | "hash">;

/**
 * The event's content as one unambiguous string: a JSON array in a fixed column order.
 * `details` is hashed as the stored text, so no JSON re-serialisation can change a hash.
 *
 * @example
 * canonicalContent(row) // '[7,"2027-01-04T09:00:00.000Z","staff","…","patient.read","…",null,"success","{}"]'
 */
export function canonicalContent(row: ChainedContent): string {
  return JSON.stringify([
    row.id,
    row.at,
    row.actor_kind,
    row.actor_id,
    row.action,
    row.patient_id,
    row.subject_id,
    row.outcome,
    row.details,
  ]);
}

/**
 * The hash stored with an event.
 *
 * @example
 * chainHash(GENESIS_HASH, firstRow) // 64 hex digits
 */
export function chainHash(prevHash: string, row: ChainedContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalContent(row)).digest("hex");
}
