/** Links of ldn patients to the EHR patients they were enrolled from, over `ehr_links` (0011). */
import type { EhrLinkRepository } from "../../app/ports/ehr-link-repository.ts";
import { conflict } from "../../domain/errors.ts";
import type { TxContext } from "./context.ts";

/** @example await sqlEhrLinkRepository(ctx).link({ patientId, iss, ehrPatientId }, clinicId); */
export function sqlEhrLinkRepository(ctx: TxContext): EhrLinkRepository {
  const { trx } = ctx;
  const repo: EhrLinkRepository = {
    async link(link, clinicId) {
      const mine = await repo.of(link.patientId);
      if (mine !== undefined) {
        if (mine.iss === link.iss && mine.ehrPatientId === link.ehrPatientId) return;
        throw conflict("patientId: this patient is already linked to another EHR patient", "patientId");
      }
      const other = await repo.find(clinicId, link.iss, link.ehrPatientId);
      if (other !== undefined)
        throw conflict(
          "launch: this EHR patient is already linked to another patient of the clinic",
          "launch",
        );
      await trx
        .insertInto("ehr_links")
        .values({
          patient_id: link.patientId,
          clinic_id: clinicId,
          iss: link.iss,
          ehr_patient_id: link.ehrPatientId,
          linked_by: ctx.actor.id,
          linked_at: ctx.now(),
        })
        .execute();
      await ctx.audit([
        {
          action: "patient.ehr-link",
          patientId: link.patientId,
          details: { iss: link.iss, ehrPatient: link.ehrPatientId },
        },
      ]);
    },
    async find(clinicId, iss, ehrPatientId) {
      const row = await trx
        .selectFrom("ehr_links")
        .select("patient_id")
        .where("clinic_id", "=", clinicId)
        .where("iss", "=", iss)
        .where("ehr_patient_id", "=", ehrPatientId)
        .executeTakeFirst();
      return row?.patient_id;
    },
    async of(patientId) {
      const row = await trx
        .selectFrom("ehr_links")
        .selectAll()
        .where("patient_id", "=", patientId)
        .executeTakeFirst();
      return row && { patientId: row.patient_id, iss: row.iss, ehrPatientId: row.ehr_patient_id };
    },
  };
  return repo;
}
