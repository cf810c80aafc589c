/** The dashboard's bulk read: one query per table for the whole clinic. */
import type {
  ClinicRecordsOptions,
  ClinicRecordsReader,
  PatientRecords,
} from "../../app/ports/clinic-records.ts";
import type { TxContext } from "./context.ts";
import { toAck } from "./sql-attention-ack-repository.ts";
import { toEntry } from "./sql-diary-repository.ts";
import { toPatient } from "./sql-patient-repository.ts";
import { toPlan } from "./sql-plan-repository.ts";
import { sqlPatientSummaries } from "./sql-patient-summaries.ts";
import { toResponse } from "./sql-questionnaire-repository.ts";
import { toDecision, toRecommendation } from "./sql-recommendation-repository.ts";

/** Rows grouped by patient, each mapped as its own repository maps it. */
function byPatient<T extends { patient_id: string }, U>(rows: readonly T[], map: (row: T) => U) {
  const out = new Map<string, U[]>();
  for (const row of rows) {
    const list = out.get(row.patient_id) ?? [];
    list.push(map(row));
    out.set(row.patient_id, list);
  }
  return out;
}

/** @example await sqlClinicRecords(ctx).forClinic(clinicId); */
export function sqlClinicRecords(ctx: TxContext): ClinicRecordsReader {
  return {
    // Lines are made again from the records, read unaudited (only the lines shown are audited).
    ...sqlPatientSummaries(ctx, (clinicId, ids) => readRecords(ctx, clinicId, ids, {}, false)),
    forClinic: (clinicId, options = {}) => readRecords(ctx, clinicId, null, options),
  };
}

/**
 * The records of the clinic's patients, all of them (`ids` null) or only those named, each
 * table read in one query; audited unless read only to make their dashboard lines again.
 */
async function readRecords(
  ctx: TxContext,
  clinicId: string,
  ids: readonly string[] | null,
  options: ClinicRecordsOptions,
  audited = true,
): Promise<readonly PatientRecords[]> {
  if (ids !== null && ids.length === 0) return [];
  const { trx } = ctx;
  // "dosing" (pharmacists) reads what the engine needs for today's dose, nothing more.
  const clinical = (options.scope ?? "clinical") === "clinical";
  let ofClinic = trx.selectFrom("patients").select("id").where("clinic_id", "=", clinicId);
  if (ids !== null) ofClinic = ofClinic.where("id", "in", ids);
  let patientRows = trx.selectFrom("patients").selectAll().where("clinic_id", "=", clinicId);
  if (ids !== null) patientRows = patientRows.where("id", "in", ids);
  const patients = await patientRows.orderBy("created_at").orderBy("id").execute();
  const plans = await trx
    .selectFrom("plans")
    .selectAll()
    .where("patient_id", "in", ofClinic)
    .orderBy("created_at")
    .execute();
  // The engine's inputs (diary and decisions) are read for every list, so a pharmacist's
  // "today" is the dose the engine gives the patient; recommendations and outcomes are not.
  const diary = await trx
    .selectFrom("diary_entries")
    .selectAll()
    .where("patient_id", "in", ofClinic)
    .orderBy("entry_date")
    .orderBy("recorded_at")
    .execute();
  const recommendations = clinical
    ? await trx
        .selectFrom("recommendations")
        .selectAll()
        .where("patient_id", "in", ofClinic)
        .orderBy("created_at")
        .execute()
    : [];
  const decisions = await trx
    .selectFrom("decisions")
    .innerJoin("recommendations", "recommendations.id", "decisions.recommendation_id")
    .selectAll("decisions")
    .select("recommendations.patient_id as patient_id")
    .where("recommendations.patient_id", "in", ofClinic)
    .orderBy("decisions.decided_at")
    .execute();
  const questionnaires = clinical
    ? await trx
        .selectFrom("questionnaire_responses")
        .selectAll()
        .where("patient_id", "in", ofClinic)
        .orderBy("answered_on")
        .execute()
    : [];
  const acks = clinical
    ? await trx
        .selectFrom("attention_acks")
        .leftJoin("staff", "staff.id", "attention_acks.acknowledged_by")
        .selectAll("attention_acks")
        .select("staff.display_name as by_name")
        .where("attention_acks.patient_id", "in", ofClinic)
        .orderBy("attention_acks.acknowledged_at")
        .execute()
    : [];
  const plansBy = byPatient(plans, toPlan);
  const acksBy = byPatient(acks, toAck);
  const diaryBy = byPatient(diary, toEntry);
  const recsBy = byPatient(recommendations, toRecommendation);
  const decisionsBy = byPatient(decisions, toDecision);
  const questionnairesBy = byPatient(questionnaires, toResponse);
  if (audited)
    await ctx.audit(
      patients.map((p) => ({
        action: "patient.summary",
        patientId: p.id,
        subjectId: p.id,
        details: { scope: clinical ? "clinical" : "dosing" },
      })),
    );
  return patients.map((p): PatientRecords => ({
    patient: toPatient(p),
    plans: plansBy.get(p.id) ?? [],
    diary: diaryBy.get(p.id) ?? [],
    recommendations: recsBy.get(p.id) ?? [],
    decisions: decisionsBy.get(p.id) ?? [],
    questionnaires: questionnairesBy.get(p.id) ?? [],
    acks: acksBy.get(p.id) ?? [],
  }));
}
