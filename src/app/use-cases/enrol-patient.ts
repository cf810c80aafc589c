/** Enrolling a patient: screen them (004's criteria, opioids, OIH risk) and keep both answers and result. */
import type { Patient } from "../ports/patient-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { atField } from "../../domain/errors.ts";
import { parseOpioidRegimens } from "../../domain/opioids/parse-regimen.ts";
import { getOihRiskFactor } from "../../domain/screening/risk-factors.ts";
import { screenPatient } from "../../domain/screening/screen-patient.ts";
import type { PregnancyStatus, ScreeningInput, ScreeningResult } from "../../domain/screening/types.ts";

export interface ScreeningAnswers {
  readonly ageYears: number;
  readonly painMonths: number;
  readonly pregnancy: PregnancyStatus;
  /** Each as written, e.g. "oxycodone 10mg x3". */
  readonly opioids: readonly string[];
  readonly mustStayOnOpioids: boolean;
  readonly riskFactors: readonly string[];
}

/** What is stored as a patient's screening: the answers, and the result they gave under which rules. */
export interface StoredScreening {
  readonly answers: ScreeningAnswers;
  readonly result: ScreeningResult;
}

/**
 * Screens the answers and enrols the patient. Bad answers throw a DomainError naming the field.
 *
 * @example
 * await enrolPatient(tx, clinicId, "R. Jones", { ageYears: 52, painMonths: 60, pregnancy: "no",
 *   opioids: [], mustStayOnOpioids: false, riskFactors: [] });
 */
export async function enrolPatient(
  tx: Repositories,
  clinicId: string,
  displayName: string,
  answers: ScreeningAnswers,
): Promise<Patient> {
  const result = screenAnswers(answers, "screening.");
  const screening: StoredScreening = { answers, result };
  return tx.patients.create({
    clinicId,
    displayName,
    screening: screening as unknown as Record<string, unknown>,
  });
}

/**
 * Screens the answers. An opioid or risk factor refused is named where the answers hold it,
 * after `at` (`screening.` when they are a request's `screening`): `screening.opioids[1]`.
 *
 * @example screenAnswers(answers).eligibility // "eligible"
 */
export function screenAnswers(answers: ScreeningAnswers, at = ""): ScreeningResult {
  const input: ScreeningInput = {
    ageYears: answers.ageYears,
    painMonths: answers.painMonths,
    pregnancy: answers.pregnancy,
    opioids: answers.opioids.flatMap((text, i) =>
      atField(`${at}opioids[${i}]`, () => parseOpioidRegimens(text)),
    ),
    mustStayOnOpioids: answers.mustStayOnOpioids,
    riskFactors: answers.riskFactors.map((id, i) =>
      atField(`${at}riskFactors[${i}]`, () => getOihRiskFactor(id).id),
    ),
  };
  return screenPatient(input);
}

/** The stored screening of a patient (as enrolPatient wrote it). */
export function storedScreening(patient: Patient): StoredScreening {
  return patient.screening as unknown as StoredScreening;
}
