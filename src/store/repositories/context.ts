/**
 * What every repository of one transaction shares: the transaction, the actor, the clock, and
 * the one way to append to the audit log.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor } from "../../app/ports/actor.ts";
import type { AuditEntry, AuditEvent } from "../../app/ports/audit-log.ts";
import type { Clock } from "../../app/ports/clock.ts";
import { appendAuditEvents, writeHeldEvents, type ChainHeadMemo } from "../audit/append-audit-events.ts";
import type { DialectName } from "../migrations/dialect-name.ts";
import type { AuditEventTable, Schema } from "../schema.ts";

export interface TxContext {
  readonly trx: Transaction<Schema>;
  readonly dialect: DialectName;
  readonly actor: Actor;
  /** The current instant as stored: ISO-8601 in UTC. */
  now(): string;
  newId(): string;
  /** Appends events in the transaction, as this context's actor. */
  audit(entries: readonly AuditEntry[]): Promise<AuditEvent[]>;
  /** Inserts the events the transaction holds back (append-audit-events.ts): before reading them. */
  writeAudit(): Promise<void>;
}

/**
 * @example
 * await db.transaction().execute((trx) => work(createTxContext(trx, "sqlite", actor, clock)));
 */
export function createTxContext(
  trx: Transaction<Schema>,
  dialect: DialectName,
  actor: Actor,
  clock: Clock,
  /** Told of every entry appended, so the store can keep them if the unit of work fails. */
  appended?: (entries: readonly AuditEntry[]) => void,
  /** The chain head, when the transaction holds it throughout (a group-commit batch). */
  head?: ChainHeadMemo,
): TxContext {
  const now = () => clock.now().toISOString();
  return {
    trx,
    dialect,
    actor,
    now,
    newId: randomUUID,
    async audit(entries) {
      appended?.(entries);
      const rows = await appendAuditEvents(
        trx,
        dialect,
        now,
        entries.map((e) => ({
          actor_kind: actor.kind,
          actor_id: actor.id,
          action: e.action,
          patient_id: e.patientId ?? null,
          subject_id: e.subjectId ?? null,
          outcome: e.outcome ?? "success",
          details: JSON.stringify(e.details ?? {}),
        })),
        head,
      );
      return rows.map(toAuditEvent);
    },
    writeAudit: async () => {
      if (head) await writeHeldEvents(trx, head);
    },
  };
}

/** @example toAuditEvent(row).actor // { kind: "staff", id: "…" } */
export function toAuditEvent(row: AuditEventTable): AuditEvent {
  return {
    id: Number(row.id),
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    patientId: row.patient_id,
    subjectId: row.subject_id,
    outcome: row.outcome,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
