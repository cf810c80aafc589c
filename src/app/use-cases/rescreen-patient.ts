/**
 * Screening a patient again: new answers (a pregnancy status now known, opioids started or
 * stopped) under today's rules. The new screening replaces the old one and is the one that holds
 * from then on: for starting a plan, and for the opioids that reach the engine and the patient's
 * instructions. The change is audited (`patient.screen`).
 */
import type { Patient } from "../ports/patient-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { notFound } from "../../domain/errors.ts";
import { screenAnswers, type ScreeningAnswers, type StoredScreening } from "./enrol-patient.ts";

/**
 * Screens the answers and stores them as the patient's screening. Bad answers throw a DomainError
 * naming the field, and nothing is stored.
 *
 * @example
 * await rescreenPatient(tx, patientId, { ...answers, pregnancy: "not-applicable" });
 */
export async function rescreenPatient(
  tx: Repositories,
  patientId: string,
  answers: ScreeningAnswers,
): Promise<Patient> {
  const patient = await tx.patients.get(patientId);
  if (!patient) throw notFound("patient");
  const screening: StoredScreening = { answers, result: screenAnswers(answers) };
  const record = screening as unknown as Record<string, unknown>;
  await tx.patients.updateScreening(patient.id, record);
  return { ...patient, screening: record };
}
