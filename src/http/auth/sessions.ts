/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps its sha256, when it was
 * last used and when it expires. A session ends on logout, after `sessionIdleMinutes` without a
 * request, `sessionMaxHours` after login, or when the account is disabled.
 */
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { SessionSubject, SubjectKind } from "../../app/ports/session-repository.ts";
import type { Principal } from "../principal.ts";
import type { Services } from "../route.ts";
import { openSession } from "../../app/use-cases/open-session.ts";
import { tokenHash } from "../../app/tokens.ts";

export const SESSION_COOKIE = "ldn_session";

/**
 * Touching a session on every request would write on every read: once a minute is enough, or a
 * tenth of the idle time when that is shorter (with LDN_SESSION_IDLE_MINUTES=1 a minute between
 * touches ended active sessions at 60 s). A session so ends between 0.9 and 1 idle time after its
 * last request.
 */
const TOUCH_EVERY_MS = 60_000;

/**
 * Starts a session and returns the cookie's token.
 *
 * @example const token = await startSession(services, "staff", staff.id);
 */
export async function startSession(
  services: Services,
  kind: SubjectKind,
  subjectId: string,
): Promise<string> {
  return services.store.transaction(SYSTEM_ACTOR, (tx) => openSession(tx, services, kind, subjectId));
}

/**
 * The principal behind a session token, or null when the token is unknown, ended, expired or
 * belongs to a disabled account.
 *
 * @example const principal = await authenticate(services, cookieToken);
 */
export async function authenticate(services: Services, token: string | undefined): Promise<Principal | null> {
  if (!token || token.length > 100) return null;
  const id = tokenHash(token);
  const { settings } = services;
  // One query outside any transaction: this runs on every request.
  const found = await services.store.lookupSession(id);
  if (!found || found.session.endedAt !== null) return null;
  const { session } = found;
  const now = services.clock.now().getTime();
  const hardEnd = Date.parse(session.createdAt) + settings.sessionMaxHours * 3_600_000;
  if (now >= Date.parse(session.expiresAt) || now >= hardEnd) return null;
  const principal = principalOf(found, id);
  if (principal === null) return null;
  if (
    now - Date.parse(session.lastSeenAt) >=
    Math.min(TOUCH_EVERY_MS, (settings.sessionIdleMinutes * 60_000) / 10)
  ) {
    const idleEnd = now + settings.sessionIdleMinutes * 60_000;
    await services.store.transaction(SYSTEM_ACTOR, (tx) =>
      tx.sessions.touch(id, new Date(Math.min(idleEnd, hardEnd)).toISOString()),
    );
  }
  return principal;
}

function principalOf(found: SessionSubject, sessionId: string): Principal | null {
  const { session, staff } = found;
  if (session.subjectKind === "staff") {
    if (!staff || staff.disabledAt !== null) return null;
    return {
      kind: "staff",
      id: session.subjectId,
      clinicId: staff.clinicId,
      role: staff.role,
      displayName: staff.displayName,
      sessionId,
    };
  }
  const clinicId = found.patientClinicId;
  return clinicId === null ? null : { kind: "patient", id: session.subjectId, clinicId, sessionId };
}
