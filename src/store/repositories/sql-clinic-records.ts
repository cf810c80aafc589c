/** The dashboard's bulk read: one query per table for the whole clinic. */
import type { ClinicRecordsReader, PatientRecords } from "../../app/ports/clinic-records.ts";
import type { DiaryEntry } from "../../app/ports/diary-repository.ts";
import type { Patient } from "../../app/ports/patient-repository.ts";
import type { Plan } from "../../app/ports/plan-repository.ts";
import type { QuestionnaireResponse } from "../../app/ports/questionnaire-repository.ts";
import type { Decision, Recommendation } from "../../app/ports/recommendation-repository.ts";
import type { TxContext } from "./context.ts";

const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** @example await sqlClinicRecords(ctx).forClinic(clinicId); */
export function sqlClinicRecords(ctx: TxContext): ClinicRecordsReader {
  return {
    async forClinic(clinicId, options = {}) {
      const { trx } = ctx;
      const patients = await trx
        .selectFrom("patients")
        .selectAll()
        .where("clinic_id", "=", clinicId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const ofClinic = trx.selectFrom("patients").select("id").where("clinic_id", "=", clinicId);
      const plans = await trx
        .selectFrom("plans")
        .selectAll()
        .where("patient_id", "in", ofClinic)
        .orderBy("created_at")
        .execute();
      const diary =
        options.diary === false
          ? []
          : await trx
              .selectFrom("diary_entries")
              .selectAll()
              .where("patient_id", "in", ofClinic)
              .orderBy("entry_date")
              .orderBy("recorded_at")
              .execute();
      const recommendations =
        options.diary === false
          ? []
          : await trx
              .selectFrom("recommendations")
              .selectAll()
              .where("patient_id", "in", ofClinic)
              .orderBy("created_at")
              .execute();
      const decisions =
        options.diary === false
          ? []
          : await trx
              .selectFrom("decisions")
              .innerJoin("recommendations", "recommendations.id", "decisions.recommendation_id")
              .selectAll("decisions")
              .select("recommendations.patient_id as patient_id")
              .where("recommendations.patient_id", "in", ofClinic)
              .orderBy("decisions.decided_at")
              .execute();
      const questionnaires =
        options.diary === false
          ? []
          : await trx
              .selectFrom("questionnaire_responses")
              .selectAll()
              .where("patient_id", "in", ofClinic)
              .orderBy("answered_on")
              .execute();
      const group = <T extends { patient_id: string }, U>(rows: readonly T[], map: (row: T) => U) => {
        const out = new Map<string, U[]>();
        for (const row of rows) {
          const list = out.get(row.patient_id) ?? [];
          list.push(map(row));
          out.set(row.patient_id, list);
        }
        return out;
      };
      const plansBy = group(plans, (r): Plan => ({
        id: r.id,
        patientId: r.patient_id,
        protocolId: r.protocol_id,
        protocolVersion: Number(r.protocol_version),
        settings: parse(r.settings) as Plan["settings"],
        startDate: r.start_date,
        detector: r.detector,
        createdBy: r.created_by,
        createdAt: r.created_at,
        interactionAck: r.interaction_ack === null ? null : (parse(r.interaction_ack) as never),
      }));
      const diaryBy = group(diary, (r): DiaryEntry => ({
        id: r.id,
        patientId: r.patient_id,
        date: r.entry_date,
        idempotencyKey: r.idempotency_key,
        body: parse(r.body),
        recordedAt: r.recorded_at,
      }));
      const recsBy = group(recommendations, (r): Recommendation => ({
        id: r.id,
        patientId: r.patient_id,
        planId: r.plan_id,
        protocolKey: r.protocol_key,
        asOf: r.as_of,
        state: r.state,
        body: parse(r.body),
        createdAt: r.created_at,
      }));
      const decisionsBy = group(decisions, (r): Decision => ({
        id: r.id,
        recommendationId: r.recommendation_id,
        decidedBy: r.decided_by,
        decision: r.decision,
        reason: r.reason,
        decidedAt: r.decided_at,
        engineDecision: r.engine_decision === null ? null : parse(r.engine_decision),
      }));
      const questionnairesBy = group(questionnaires, (r): QuestionnaireResponse => ({
        id: r.id,
        patientId: r.patient_id,
        instrument: r.instrument,
        instrumentVersion: Number(r.instrument_version),
        answeredOn: r.answered_on,
        answers: parse(r.answers) as Record<string, number | null>,
        scores: parse(r.scores),
        recordedAt: r.recorded_at,
      }));
      await ctx.audit(
        patients.map((p) => ({
          action: "patient.summary",
          patientId: p.id,
          subjectId: p.id,
          details: { diary: options.diary !== false },
        })),
      );
      return patients.map((p): PatientRecords => ({
        patient: {
          id: p.id,
          clinicId: p.clinic_id,
          displayName: p.display_name,
          screening: parse(p.screening),
          createdAt: p.created_at,
          loginCode: p.login_code,
        } satisfies Patient,
        plans: plansBy.get(p.id) ?? [],
        diary: diaryBy.get(p.id) ?? [],
        recommendations: recsBy.get(p.id) ?? [],
        decisions: decisionsBy.get(p.id) ?? [],
        questionnaires: questionnairesBy.get(p.id) ?? [],
      }));
    },
  };
}
