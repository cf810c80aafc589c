/**
 * Inviting a patient to join: a single-use link, shown once (only its hash is kept). A patient
 * the screening found not eligible is not invited: there is no plan for them to follow, and the
 * clinician sees the reasons instead (issue 12). Screening them again, once the reason has
 * changed, lets the invitation through.
 */
import { conflict } from "../../domain/errors.ts";
import type { Repositories } from "../ports/store.ts";
import { newToken, tokenHash } from "../tokens.ts";
import { storedScreening } from "./enrol-patient.ts";

export interface Invitation {
  readonly token: string;
  readonly path: string;
  readonly expiresAt: string;
}

/** @example const { path } = await invitePatient(tx, patientId, clock.now(), 14); */
export async function invitePatient(
  tx: Repositories,
  patientId: string,
  now: Date,
  validDays: number,
): Promise<Invitation> {
  const patient = await tx.patients.get(patientId);
  const screening = patient && storedScreening(patient).result;
  if (screening?.eligibility === "not-eligible")
    throw conflict(
      `The screening found this patient not eligible (${screening.reasons.map((r) => r.message).join("; ")}); screen them again once that changes`,
    );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + validDays * 86_400_000).toISOString();
  // Only the newest link works: an older one, perhaps sent to an old address, stops now.
  await tx.invitations.revokeUnused(patientId);
  await tx.invitations.create({ patientId, tokenHash: tokenHash(token), expiresAt });
  return { token, path: `/join#${token}`, expiresAt };
}
