/**
 * Which clinic an invitation link is from, so the join page can say whom the patient is joining
 * before they choose a password (issue 12). A link unknown, used, replaced or expired answers as
 * accepting it would (404, audited), and counts against the same per-address limit, so the
 * preview is no easier a way to try links than joining.
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { AccountServices } from "../ports/account-services.ts";
import { tokenHash } from "../tokens.ts";
import { notFound } from "../../domain/errors.ts";
import { attempted, beginAttempt } from "./throttle-attempt.ts";

const INVALID_LINK =
  "This invitation link is not valid: it may have been used already, been replaced by a newer link or have expired. Ask your clinic for a new one.";

/**
 * The name of the clinic that sent a working invitation link.
 *
 * @example await previewInvitation(services, { token, address }) // "Riverside Pain Clinic"
 */
export async function previewInvitation(
  services: AccountServices,
  input: { readonly token: string; readonly address: string },
): Promise<string> {
  const attempt = await beginAttempt(services, [
    { name: `invitation-address:${input.address}`, limit: services.settings.loginAddressFailures },
  ]);
  const now = services.clock.now().toISOString();
  const found = await attempted(attempt, () =>
    services.store.transaction(SYSTEM_ACTOR, async (tx) => {
      const invitation = await tx.invitations.findByTokenHash(tokenHash(input.token));
      const usable = invitation && invitation.usedAt === null && invitation.expiresAt > now;
      const clinicId = usable ? await tx.patients.clinicOf(invitation.patientId) : undefined;
      const clinic = clinicId === undefined ? undefined : await tx.clinics.get(clinicId);
      await tx.audit.record({
        action: "invitation.preview",
        patientId: invitation?.patientId ?? null,
        subjectId: invitation?.id ?? null,
        outcome: clinic ? "success" : "failure",
        details: { address: input.address },
      });
      return clinic?.name;
    }),
  );
  if (found === undefined) {
    await attempt.failed();
    throw notFound("invitation", INVALID_LINK);
  }
  await attempt.succeeded();
  return found;
}
