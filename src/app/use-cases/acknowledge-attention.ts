/**
 * A clinician acknowledges a flag on a patient (side effects, an alert, the opioid interaction,
 * a silent week, a questionnaire due) as it stands: it stops counting as work to do, and
 * returns when it says something new. The flag is the one the clinician saw: when it says
 * more by now, nothing is acknowledged and they are told to look again.
 */
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { Repositories } from "../ports/store.ts";
import { conflict, invalidArgument, notFound } from "../../domain/errors.ts";
import {
  ACKNOWLEDGEABLE,
  summarisePatient,
  type AcknowledgedAttention,
  type AttentionCode,
} from "./summarise-patient.ts";

/**
 * One patient's records as the dashboard reads them (each read audited by its repository).
 *
 * @example summarisePatient(await patientRecords(tx, patientId), today)
 */
export async function patientRecords(tx: Repositories, patientId: string): Promise<PatientRecords> {
  const patient = await tx.patients.get(patientId);
  if (!patient) throw notFound("patient");
  return {
    patient,
    plans: await tx.plans.listForPatient(patientId),
    diary: await tx.diary.listForPatient(patientId),
    recommendations: await tx.recommendations.listForPatient(patientId),
    decisions: await tx.recommendations.decisionsForPatient(patientId),
    questionnaires: await tx.questionnaires.listForPatient(patientId),
    acks: await tx.attention.listForPatient(patientId),
  };
}

/**
 * @example
 * await acknowledgeAttention(tx, patientId, { code: "side-effect", facts: ["2027-01-05: insomnia"] }, "2027-01-06");
 */
export async function acknowledgeAttention(
  tx: Repositories,
  patientId: string,
  input: { readonly code: string; readonly facts: readonly string[] },
  today: string,
): Promise<AcknowledgedAttention> {
  if (!ACKNOWLEDGEABLE.has(input.code as AttentionCode))
    throw invalidArgument(
      "code",
      input.code,
      `must be one of ${[...ACKNOWLEDGEABLE].join(", ")} (a recommendation is decided on; a missing plan is started)`,
    );
  const summary = summarisePatient(await patientRecords(tx, patientId), today);
  const flag = summary.attention.find((a) => a.code === input.code);
  if (!flag) {
    // Acknowledged already, saying the same: the acknowledgement kept (a second click).
    const kept = summary.acknowledged.find((a) => a.code === input.code);
    if (kept) return kept;
    throw conflict(`code: nothing to acknowledge: "${input.code}" is not raised for this patient now`, {
      field: "code",
    });
  }
  const seen = new Set(input.facts);
  if (flag.facts.length !== seen.size || flag.facts.some((f) => !seen.has(f)))
    throw conflict(
      `facts: this flag says something new since you looked (${flag.message}); look again before acknowledging it`,
      { field: "facts" },
    );
  const ack = await tx.attention.acknowledge({ patientId, code: flag.code, facts: flag.facts });
  return { code: flag.code, message: flag.message, by: ack.by, byName: ack.byName, at: ack.at };
}
