/** The dashboard's kept lines (migration 0012): read, made again when stale, kept. */
import type { PatientRecords } from "../../app/ports/clinic-records.ts";
import type { PatientSummaryStore } from "../../app/ports/patient-summary-store.ts";
import type { TxContext } from "./context.ts";

/**
 * Ids per statement: well under SQLite's limit on bound values, and at ten columns a line, an
 * upsert of this many lines binds under a thousand.
 */
const CHUNK = 90;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** @example await sqlPatientSummaries(ctx, read).summaryLines(clinicId, { day, format: 1 }); */
export function sqlPatientSummaries(
  ctx: TxContext,
  /** Every record of the patients named, clinical scope, not audited. */
  readRecords: (clinicId: string, ids: readonly string[]) => Promise<readonly PatientRecords[]>,
): PatientSummaryStore {
  const { trx } = ctx;
  return {
    async summaryLines(clinicId, key) {
      const rows = await trx
        .selectFrom("patients as p")
        .leftJoin("patient_summaries as s", (join) =>
          join
            .onRef("s.patient_id", "=", "p.id")
            .onRef("s.revision", "=", "p.revision")
            .on("s.day", "=", key.day)
            .on("s.format", "=", key.format),
        )
        .select(["p.id", "p.display_name", "p.revision", "s.patient_id as kept"])
        .select(["s.state", "s.today_ug", "s.last_check_in", "s.attention"])
        .where("p.clinic_id", "=", clinicId)
        .orderBy("p.created_at")
        .orderBy("p.id")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        revision: Number(r.revision),
        fresh:
          r.kept === null
            ? null
            : {
                state: r.state,
                todayUg: r.today_ug === null ? null : Number(r.today_ug),
                lastCheckIn: r.last_check_in,
                attention: r.attention ? r.attention.split(",") : [],
              },
      }));
    },
    async recordsToSummarise(clinicId, ids) {
      let out: readonly PatientRecords[] = [];
      for (const part of chunks(ids, CHUNK * 5)) out = out.concat(await readRecords(clinicId, part));
      return out;
    },
    async saveSummaries(clinicId, key, lines) {
      for (const part of chunks(lines, CHUNK)) {
        await trx
          .insertInto("patient_summaries")
          .values(
            part.map((l) => ({
              patient_id: l.patientId,
              clinic_id: clinicId,
              revision: l.revision,
              day: key.day,
              format: key.format,
              state: l.state,
              today_ug: l.todayUg,
              last_check_in: l.lastCheckIn,
              attention: l.attention.join(","),
              body: JSON.stringify(l.body),
            })),
          )
          .onConflict((oc) =>
            oc.column("patient_id").doUpdateSet((eb) => ({
              revision: eb.ref("excluded.revision"),
              day: eb.ref("excluded.day"),
              format: eb.ref("excluded.format"),
              state: eb.ref("excluded.state"),
              today_ug: eb.ref("excluded.today_ug"),
              last_check_in: eb.ref("excluded.last_check_in"),
              attention: eb.ref("excluded.attention"),
              body: eb.ref("excluded.body"),
            })),
          )
          .execute();
      }
    },
    async summaryBodies(clinicId, ids, key, scope) {
      const byId = new Map<string, unknown>();
      for (const part of chunks(ids, CHUNK * 5)) {
        const rows = await trx
          .selectFrom("patient_summaries")
          .select(["patient_id", "body"])
          .where("clinic_id", "=", clinicId)
          .where("day", "=", key.day)
          .where("format", "=", key.format)
          .where("patient_id", "in", part)
          .execute();
        for (const r of rows) byId.set(r.patient_id, JSON.parse(r.body));
      }
      const shown = ids.filter((id) => byId.has(id));
      // The audit log inserts its events in batches of its own.
      await ctx.audit(
        shown.map((id) => ({ action: "patient.summary", patientId: id, subjectId: id, details: { scope } })),
      );
      return shown.map((id) => byId.get(id));
    },
  };
}
