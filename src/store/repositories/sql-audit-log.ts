/** The audit log port over the `audit_events` table. */
import type { AuditEntry, AuditEvent, AuditLog } from "../../app/ports/audit-log.ts";
import { toAuditEvent, type TxContext } from "./context.ts";

/** @example const log = sqlAuditLog(ctx); await log.listForPatient(patientId); */
export function sqlAuditLog(ctx: TxContext): AuditLog {
  return {
    async record(entry: AuditEntry): Promise<AuditEvent> {
      const [event] = await ctx.audit([entry]);
      return event!;
    },
    async listForPatient(patientId) {
      const rows = await ctx.trx
        .selectFrom("audit_events")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("id")
        .execute();
      await ctx.audit([{ action: "audit.read", patientId }]);
      return rows.map(toAuditEvent);
    },
  };
}
