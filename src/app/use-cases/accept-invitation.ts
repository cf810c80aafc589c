/**
 * Joining by invitation: a patient follows a single-use link, chooses a password, and gets a
 * login code (kept if they joined before: a new link only resets the password) and a session.
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { AccountServices } from "../ports/account-services.ts";
import type { Invitation } from "../ports/invitation-repository.ts";
import { newLoginCode, tokenHash } from "../tokens.ts";
import { notFound, unacceptable } from "../../domain/errors.ts";
import { refuseCommonPassword } from "../../domain/accounts/common-passwords.ts";
import { passwordProblem } from "../../domain/accounts/password-policy.ts";
import { attempted, beginAttempt } from "./throttle-attempt.ts";
import { openSession } from "./open-session.ts";

export interface AcceptInvitationInput {
  /** The token from the link. */
  readonly token: string;
  readonly password: string;
  /** The client's address: throttled and audited, and whose turn the hash takes. */
  readonly address: string;
}

export interface Joined {
  readonly patientId: string;
  readonly loginCode: string;
  /** The new session's token, for the cookie. */
  readonly token: string;
}

const INVALID_LINK =
  "This invitation link is not valid: it may have been used already, been replaced by a newer link or have expired. Ask your clinic for a new one.";

/**
 * Accepts the invitation, or throws `not_found` for a link unknown, used, replaced or expired
 * (audited with which), `invalid_argument` for a password the policy refuses.
 *
 * @example const { loginCode, token } = await acceptInvitation(services, { token: link, password, address });
 */
export async function acceptInvitation(
  services: AccountServices,
  input: AcceptInvitationInput,
): Promise<Joined> {
  const problem = passwordProblem(input.password);
  if (problem) throw unacceptable("password", problem);
  refuseCommonPassword(input.password, "password");
  // Its own counter: bad links from an address never lock that address out of signing in.
  const attempt = await beginAttempt(services, [
    { name: `invitation-address:${input.address}`, limit: services.settings.loginAddressFailures },
  ]);
  const hash = tokenHash(input.token);
  const now = services.clock.now().toISOString();
  const invitation = await attempted(attempt, () =>
    services.store.transaction(SYSTEM_ACTOR, (tx) => tx.invitations.findByTokenHash(hash)),
  );
  if (!invitation || invitation.usedAt !== null || invitation.expiresAt <= now) {
    await attempt.failed();
    await auditRefusal(services, invitation, input.address);
    throw notFound("invitation", INVALID_LINK);
  }
  await attempt.succeeded();
  const passwordHash = await services.passwords.hash(input.password, input.address);
  const patientId = invitation.patientId;
  return services.store.transaction({ kind: "patient", id: patientId }, async (tx) => {
    if (!(await tx.invitations.markUsed(invitation.id))) throw notFound("invitation", INVALID_LINK);
    // A patient who joined before keeps their code: a new invitation only resets the password.
    let code = (await tx.patients.get(patientId))?.loginCode ?? null;
    while (code === null) {
      const candidate = newLoginCode();
      if (!(await tx.patients.findCredentials(candidate))) code = candidate;
    }
    await tx.patients.setCredentials(patientId, code, passwordHash);
    await tx.sessions.endAllFor("patient", patientId);
    await tx.invitations.revokeUnused(patientId);
    const token = await openSession(tx, services, "patient", patientId);
    return { patientId, loginCode: code, token };
  });
}

async function auditRefusal(
  services: AccountServices,
  invitation: Invitation | undefined,
  address: string,
): Promise<void> {
  const reason = !invitation ? "unknown link" : invitation.usedAt !== null ? "used" : "expired or revoked";
  await services.store.transaction(SYSTEM_ACTOR, (tx) =>
    tx.audit.record({
      action: "invitation.accept",
      patientId: invitation?.patientId ?? null,
      subjectId: invitation?.id ?? null,
      outcome: "failure",
      details: { reason, address },
    }),
  );
}
