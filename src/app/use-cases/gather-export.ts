/**
 * What a FHIR export needs, read in one transaction: the clinic, its staff, and each patient's
 * records and audit trail. Each patient exported is audited as `patient.export`, so their trail
 * says who took their record out of ldn and when.
 */
import type { AuditEvent } from "../ports/audit-log.ts";
import type { Clinic } from "../ports/clinic-repository.ts";
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { Staff } from "../ports/staff-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { notFound } from "../../domain/errors.ts";

export interface GatheredExport {
  readonly clinic: Clinic;
  readonly staff: readonly Staff[];
  readonly patients: readonly { readonly records: PatientRecords; readonly audit: readonly AuditEvent[] }[];
}

/**
 * @example const gathered = await gatherExport(tx, clinicId, { patientId }); // one patient
 */
export async function gatherExport(
  tx: Repositories,
  clinicId: string,
  options: { readonly patientId?: string; readonly onPatient?: (done: number, total: number) => void } = {},
): Promise<GatheredExport> {
  const clinic = await tx.clinics.get(clinicId);
  if (clinic === undefined) {
    throw notFound("clinic", `no clinic ${clinicId}`, { field: "clinic", value: clinicId });
  }
  const all = await tx.records.forClinic(clinicId);
  const chosen =
    options.patientId === undefined ? all : all.filter((r) => r.patient.id === options.patientId);
  if (options.patientId !== undefined && chosen.length === 0) {
    throw notFound("patient", `no patient ${options.patientId} in this clinic`, {
      field: "patient",
      value: options.patientId,
    });
  }
  const patients = [];
  for (const records of chosen) {
    const audit = await tx.audit.listForPatient(records.patient.id);
    await tx.audit.record({
      action: "patient.export",
      patientId: records.patient.id,
      details: { format: "fhir-r4" },
    });
    patients.push({ records, audit });
    options.onPatient?.(patients.length, chosen.length);
  }
  return { clinic, staff: await tx.staff.listByClinic(clinicId), patients };
}
