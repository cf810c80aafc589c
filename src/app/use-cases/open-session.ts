/** Opening a session: a random token for the cookie; the store keeps only its sha256. */
import type { AccountSettings } from "../ports/account-services.ts";
import type { Clock } from "../ports/clock.ts";
import type { SubjectKind } from "../ports/session-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { newToken, tokenHash } from "../tokens.ts";

/**
 * Opens a session for the subject in the caller's transaction and returns its token.
 *
 * @example const token = await openSession(tx, services, "staff", staff.id);
 */
export async function openSession(
  tx: Repositories,
  services: { readonly clock: Clock; readonly settings: AccountSettings },
  kind: SubjectKind,
  subjectId: string,
): Promise<string> {
  const token = newToken();
  const now = services.clock.now().getTime();
  await tx.sessions.create({
    id: tokenHash(token),
    subjectKind: kind,
    subjectId,
    expiresAt: new Date(now + services.settings.sessionIdleMinutes * 60_000).toISOString(),
  });
  return token;
}
