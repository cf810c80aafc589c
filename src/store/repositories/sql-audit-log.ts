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
      await ctx.writeAudit();
      const rows = await ctx.trx
        .selectFrom("audit_events")
        .selectAll()
        .where("patient_id", "=", patientId)
        .orderBy("id")
        .execute();
      await ctx.audit([{ action: "audit.read", patientId }]);
      return rows.map(toAuditEvent);
    },
    async query({ clinicId, patientId, limit, beforeId }) {
      const patients = ctx.trx.selectFrom("patients").select("id").where("clinic_id", "=", clinicId);
      const staff = ctx.trx.selectFrom("staff").select("id").where("clinic_id", "=", clinicId);
      let q = ctx.trx
        .selectFrom("audit_events")
        .selectAll()
        // About its patients, by its staff, or about its staff (a staff login is the system's
        // event about that account; another clinic's attempt on its staff is about them too).
        .where((eb) =>
          eb.or([
            eb("patient_id", "in", patients),
            eb("actor_id", "in", staff),
            eb("subject_id", "in", staff),
          ]),
        )
        .orderBy("id", "desc")
        .limit(limit);
      if (patientId !== undefined) q = q.where("patient_id", "=", patientId);
      if (beforeId !== undefined) q = q.where("id", "<", beforeId);
      await ctx.writeAudit();
      const rows = await q.execute();
      await ctx.audit([
        { action: "audit.query", patientId: patientId ?? null, details: { events: rows.length } },
      ]);
      return rows.map(toAuditEvent);
    },
  };
}
