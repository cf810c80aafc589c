/**
 * Doses taken as MedicationStatements: one per diary day, `completed` with a Dosage per dose
 * taken, or `not-taken` for a day with none; the patient is the information source
 * (MedicationAdministration is for doses staff give).
 */
import type { MedicationStatement } from "@medplum/fhirtypes";
import type { DiaryEntry } from "../app/ports/diary-repository.ts";
import type { TakenDose } from "../domain/diary/diary-day.ts";
import { formatDose } from "../domain/dose.ts";
import { ref } from "./codes.ts";
import { doseQuantity, fhirTime } from "./dosage.ts";
import { containedNaltrexone, NALTREXONE_REFERENCE } from "./naltrexone.ts";

/**
 * @example dosesTaken(entry).status // "completed", or "not-taken" for a day with no dose
 */
export function dosesTaken(entry: DiaryEntry): MedicationStatement {
  const doses = Array.isArray(entry.body.doses) ? (entry.body.doses as TakenDose[]) : [];
  return {
    resourceType: "MedicationStatement",
    id: `${entry.id}-taken`,
    contained: [containedNaltrexone()],
    status: doses.length === 0 ? "not-taken" : "completed",
    medicationReference: NALTREXONE_REFERENCE,
    subject: ref("Patient", entry.patientId),
    effectiveDateTime: entry.date,
    dateAsserted: entry.recordedAt,
    informationSource: ref("Patient", entry.patientId),
    ...(doses.length === 0 ? { statusReason: [{ text: "no dose taken this day" }] } : {}),
    dosage: doses.map((dose) => ({
      text: `${formatDose(dose.ug)} by mouth at ${dose.time}`,
      timing: { event: [`${entry.date}`], repeat: { timeOfDay: [fhirTime(dose.time)] } },
      doseAndRate: [{ doseQuantity: doseQuantity(dose.ug) }],
    })),
  };
}
