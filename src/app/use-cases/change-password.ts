/**
 * Changing one's own password. The current password is checked and the new one hashed before
 * the write transaction opens (issue 14: scrypt inside the write lock held up every check-in);
 * then every session of the account ends, an unused invitation link stops working, and a new
 * session begins for the device that made the change.
 */
import type { AccountServices } from "../ports/account-services.ts";
import type { SubjectKind } from "../ports/session-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { unacceptable } from "../../domain/errors.ts";
import { refuseCommonPassword } from "../../domain/accounts/common-passwords.ts";
import { passwordProblem } from "../../domain/accounts/password-policy.ts";
import { accountKeys, attempted, beginAttempt } from "./throttle-attempt.ts";
import { openSession } from "./open-session.ts";

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The client's address: throttled, and whose turn the hash takes. */
  readonly address: string;
}

/**
 * Changes the password and returns the token of the one session left open.
 *
 * @example const token = await changePassword(services, { kind: "staff", id }, { currentPassword, newPassword, address });
 */
export async function changePassword(
  services: AccountServices,
  subject: { readonly kind: SubjectKind; readonly id: string },
  input: ChangePasswordInput,
): Promise<string> {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw unacceptable("newPassword", problem);
  refuseCommonPassword(input.newPassword, "newPassword");
  // A session left open must not become a way to guess the password: the same limits as logins.
  const attempt = await beginAttempt(
    services,
    accountKeys(services, `password-account:${subject.kind}:${subject.id}`, input.address),
  );
  const stored = await services.store.transaction(subject, (tx) => storedHash(tx, subject));
  const current = await attempted(
    attempt,
    async () => !!stored && (await services.passwords.verify(input.currentPassword, stored, input.address)),
  );
  if (!current) {
    await attempt.failed();
    throw unacceptable("currentPassword", "this is not your current password");
  }
  await attempt.succeeded();
  const hash = await services.passwords.hash(input.newPassword, input.address);
  return services.store.transaction(subject, async (tx) => {
    if (subject.kind === "staff") await tx.staff.setPassword(subject.id, hash);
    else await tx.patients.setCredentials(subject.id, (await tx.patients.get(subject.id))!.loginCode!, hash);
    await tx.sessions.endAllFor(subject.kind, subject.id);
    // A link still in an inbox would reset the new password: it stops working now.
    if (subject.kind === "patient") await tx.invitations.revokeUnused(subject.id);
    return openSession(tx, services, subject.kind, subject.id);
  });
}

async function storedHash(
  tx: Repositories,
  subject: { readonly kind: SubjectKind; readonly id: string },
): Promise<string | undefined> {
  if (subject.kind === "staff") return (await tx.staff.get(subject.id))?.passwordHash;
  const loginCode = (await tx.patients.get(subject.id))?.loginCode;
  return loginCode ? ((await tx.patients.findCredentials(loginCode))?.passwordHash ?? undefined) : undefined;
}
