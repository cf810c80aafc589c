/** One patient's fills: those dispensed, and the next one as their real path has it. */
import type { DispensedFill } from "../ports/dispensed-fill-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { notFound } from "../../domain/errors.ts";
import type { FillSettings } from "../../domain/compounding/next-fill.ts";
import { loadPatientRecord } from "./assess-patient.ts";
import { planNextFill, type NextFill } from "./plan-next-fill.ts";

export interface PatientFills {
  readonly patientName: string;
  /** Null when there is nothing to fill: no plan yet, or the patient has stopped. */
  readonly next: NextFill | null;
  readonly dispensed: readonly DispensedFill[];
}

/**
 * Reads the patient's record, their dispensed fills and their prescriber, and plans the next
 * fill. Every read is audited by the repositories.
 *
 * @example const { next, dispensed } = await readFills(tx, patientId, "2027-01-10", DEFAULT_FILL_SETTINGS);
 */
export async function readFills(
  tx: Repositories,
  patientId: string,
  today: string,
  settings: FillSettings,
): Promise<PatientFills> {
  const patient = await tx.patients.get(patientId);
  if (!patient) throw notFound();
  const record = await loadPatientRecord(tx, patientId);
  const dispensed = await tx.fills.listForPatient(patientId);
  const prescriber = record.plan ? await tx.staff.get(record.plan.createdBy) : undefined;
  const next = planNextFill({
    patient,
    record,
    fills: dispensed,
    prescriberName: prescriber?.displayName ?? null,
    today,
    settings,
  });
  return { patientName: patient.displayName, next, dispensed };
}
