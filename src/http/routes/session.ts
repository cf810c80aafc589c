/**
 * Signing in and out, and joining by invitation. Staff sign in with their email; patients with
 * the login code they were given when they joined (they never choose a username).
 */
import { z } from "zod/v4";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Repositories } from "../../app/ports/store.ts";
import { passwordProblem } from "../auth/passwords.ts";
import { startSession } from "../auth/sessions.ts";
import { newLoginCode, newToken, normaliseLoginCode, tokenHash } from "../auth/tokens.ts";
import { MeSchema, OkSchema, type Me } from "../api/common.ts";
import type { Attempt, ThrottleKey } from "../auth/login-throttle.ts";
import { HttpError, notFound } from "../errors.ts";
import type { Principal } from "../principal.ts";
import { defineRoute, type Services } from "../route.ts";

/** Verified against when an account does not exist, so a wrong email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

const LoginBody = z.object({
  login: z.string().min(1).max(200).describe("a staff member's email, or a patient's login code"),
  password: z.string().min(1).max(200),
});

/** Who the principal is, for the web app. */
export async function meOf(tx: Repositories, principal: Principal): Promise<Me> {
  const clinic = await tx.clinics.get(principal.clinicId);
  const clinicName = clinic?.name ?? "";
  if (principal.kind === "staff") {
    return {
      kind: "staff",
      id: principal.id,
      displayName: principal.displayName,
      role: principal.role,
      clinicId: principal.clinicId,
      clinicName,
    };
  }
  const patient = await tx.patients.get(principal.id);
  return {
    kind: "patient",
    id: principal.id,
    displayName: patient?.displayName ?? "",
    clinicId: principal.clinicId,
    clinicName,
  };
}

/**
 * Begins a throttled attempt, counted before any slow check (see login-throttle.ts), or refuses
 * with 429 and when to retry.
 */
function beginAttempt(services: Services, keys: readonly ThrottleKey[]): Attempt {
  const attempt = services.throttle.begin(keys, services.clock.now().getTime());
  if ("retryAfterSeconds" in attempt) {
    const wait = attempt.retryAfterSeconds;
    throw new HttpError(
      "too_many_requests",
      wait < 60
        ? `Too many attempts at once; try again in ${wait} seconds`
        : `Too many failed attempts; try again in ${Math.ceil(wait / 60)} minutes`,
      undefined,
      wait,
    );
  }
  return attempt;
}

/** Runs `check` as the attempt; a check that throws (e.g. too busy to hash) is not counted. */
async function attempted<T>(attempt: Attempt, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    attempt.abandoned();
    throw error;
  }
}

/** The counters one login counts against: its account, and its client address. */
function loginKeys(services: Services, login: string, address: string): ThrottleKey[] {
  return [
    { name: `login-account:${login}`, limit: services.settings.loginFailures, clearOnSuccess: true },
    { name: `login-address:${address}`, limit: services.settings.loginAddressFailures },
  ];
}

async function login(services: Services, loginText: string, password: string, address: string) {
  const isStaff = loginText.includes("@");
  const login = isStaff ? loginText.trim().toLowerCase() : normaliseLoginCode(loginText);
  const attempt = beginAttempt(services, loginKeys(services, login, address));
  const { account, ok } = await attempted(attempt, () =>
    checkLogin(services, isStaff, login, password, address),
  );
  await services.store.transaction(SYSTEM_ACTOR, (tx) =>
    tx.audit.record({
      action: "session.login",
      patientId: account?.patientId ?? null,
      subjectId: account?.id ?? null,
      outcome: account && ok ? "success" : "failure",
      details: { kind: isStaff ? "staff" : "patient", address },
    }),
  );
  if (!account || !ok) {
    attempt.failed();
    throw new HttpError("unauthenticated", "Wrong login or password");
  }
  attempt.succeeded();
  return { kind: account.kind, id: account.id };
}

async function checkLogin(
  services: Services,
  isStaff: boolean,
  login: string,
  password: string,
  address: string,
) {
  const account = await services.store.transaction(SYSTEM_ACTOR, async (tx) => {
    if (isStaff) {
      const staff = await tx.staff.findByEmail(login);
      return staff && staff.disabledAt === null
        ? { kind: "staff" as const, id: staff.id, hash: staff.passwordHash, patientId: null }
        : undefined;
    }
    const patient = await tx.patients.findCredentials(login);
    return patient?.passwordHash
      ? {
          kind: "patient" as const,
          id: patient.patientId,
          hash: patient.passwordHash,
          patientId: patient.patientId,
        }
      : undefined;
  });
  decoyHash ??= services.passwords.hash("decoy password for timing");
  const ok = await services.passwords.verify(password, account?.hash ?? (await decoyHash), address);
  return { account, ok };
}

export const sessionRoutes = [
  defineRoute({
    method: "post",
    path: "/api/session",
    summary: "Sign in (staff: email; patient: login code) and get a session cookie",
    tag: "session",
    access: { kind: "public" },
    action: "session.login",
    body: LoginBody,
    response: z.object({ me: MeSchema }),
    handler: async ({ body, services, clientAddress }) => {
      const account = await login(services, body.login, body.password, clientAddress);
      const token = await startSession(services, account.kind, account.id);
      const me = await services.store.transaction({ kind: account.kind, id: account.id }, async (tx) => {
        const clinicId =
          account.kind === "staff"
            ? (await tx.staff.get(account.id))!.clinicId
            : (await tx.patients.clinicOf(account.id))!;
        const staff = account.kind === "staff" ? (await tx.staff.get(account.id))! : undefined;
        const principal: Principal = staff
          ? {
              kind: "staff",
              id: staff.id,
              clinicId,
              role: staff.role,
              displayName: staff.displayName,
              sessionId: "",
            }
          : { kind: "patient", id: account.id, clinicId, sessionId: "" };
        return meOf(tx, principal);
      });
      return { body: { me }, session: { token } };
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/session",
    summary: "Sign out: the session ends now",
    tag: "session",
    access: { kind: "signed-in" },
    action: "session.logout",
    response: OkSchema,
    handler: async ({ tx, principal }) => {
      await tx.sessions.end(principal!.sessionId);
      await tx.audit.record({
        action: "session.logout",
        patientId: principal!.kind === "patient" ? principal!.id : null,
      });
      return { body: { ok: true as const }, session: "clear" as const };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/me",
    summary: "Who is signed in",
    tag: "session",
    access: { kind: "signed-in" },
    action: "session.me",
    response: MeSchema,
    handler: async ({ tx, principal }) => meOf(tx, principal!),
  }),
  defineRoute({
    method: "post",
    path: "/api/me/password",
    summary: "Change your own password: every other session of yours ends",
    tag: "session",
    access: { kind: "signed-in" },
    action: "session.password",
    body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
    response: OkSchema,
    handler: async ({ tx, principal, body, services, clientAddress }) => {
      const p = principal!;
      const problem = passwordProblem(body.newPassword);
      if (problem) throw new HttpError("invalid_request", `newPassword: ${problem}`, "newPassword");
      // A session left open must not become a way to guess the password: the same limits as logins.
      const attempt = beginAttempt(services, [
        {
          name: `password-account:${p.kind}:${p.id}`,
          limit: services.settings.loginFailures,
          clearOnSuccess: true,
        },
        { name: `login-address:${clientAddress}`, limit: services.settings.loginAddressFailures },
      ]);
      const stored =
        p.kind === "staff"
          ? (await tx.staff.get(p.id))?.passwordHash
          : (await tx.patients.findCredentials((await tx.patients.get(p.id))?.loginCode ?? ""))?.passwordHash;
      const current = await attempted(
        attempt,
        async () =>
          !!stored && (await services.passwords.verify(body.currentPassword, stored, clientAddress)),
      );
      if (!current) {
        attempt.failed();
        throw new HttpError(
          "invalid_request",
          "currentPassword: this is not your current password",
          "currentPassword",
        );
      }
      attempt.succeeded();
      const hash = await services.passwords.hash(body.newPassword, clientAddress);
      if (p.kind === "staff") await tx.staff.setPassword(p.id, hash);
      else await tx.patients.setCredentials(p.id, (await tx.patients.get(p.id))!.loginCode!, hash);
      await tx.sessions.endAllFor(p.kind, p.id);
      // A link still in an inbox would reset the new password: it stops working now.
      if (p.kind === "patient") await tx.invitations.revokeUnused(p.id);
      const token = newToken();
      await tx.sessions.create({
        id: tokenHash(token),
        subjectKind: p.kind,
        subjectId: p.id,
        expiresAt: new Date(
          services.clock.now().getTime() + services.settings.sessionIdleMinutes * 60_000,
        ).toISOString(),
      });
      return { body: { ok: true as const }, session: { token } };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/invitations/accept",
    summary: "Join by a single-use invitation link: choose a password, get a login code and a session",
    tag: "session",
    access: { kind: "public" },
    action: "invitation.accept",
    body: z.object({ token: z.string().min(10).max(100), password: z.string().max(200) }),
    response: z.object({ loginCode: z.string(), me: MeSchema }),
    successStatus: 201,
    handler: async ({ body, services, clientAddress }) => {
      const problem = passwordProblem(body.password);
      if (problem) throw new HttpError("invalid_request", `password: ${problem}`, "password");
      // Its own counter: bad links from an address never lock that address out of signing in.
      const attempt = beginAttempt(services, [
        { name: `invitation-address:${clientAddress}`, limit: services.settings.loginAddressFailures },
      ]);
      const hash = tokenHash(body.token);
      const now = services.clock.now().toISOString();
      const invitation = await attempted(attempt, () =>
        services.store.transaction(SYSTEM_ACTOR, (tx) => tx.invitations.findByTokenHash(hash)),
      );
      if (!invitation || invitation.usedAt !== null || invitation.expiresAt <= now) {
        attempt.failed();
        await services.store.transaction(SYSTEM_ACTOR, (tx) =>
          tx.audit.record({
            action: "invitation.accept",
            patientId: invitation?.patientId ?? null,
            subjectId: invitation?.id ?? null,
            outcome: "failure",
            details: {
              reason: !invitation
                ? "unknown link"
                : invitation.usedAt !== null
                  ? "used"
                  : "expired or revoked",
              address: clientAddress,
            },
          }),
        );
        throw new HttpError(
          "not_found",
          "This invitation link is not valid: it may have been used already, been replaced by a newer link or have expired. Ask your clinic for a new one.",
        );
      }
      attempt.succeeded();
      const passwordHash = await services.passwords.hash(body.password, clientAddress);
      const patientId = invitation.patientId;
      const loginCode = await services.store.transaction({ kind: "patient", id: patientId }, async (tx) => {
        if (!(await tx.invitations.markUsed(invitation.id))) throw notFound("invitation");
        // A patient who joined before keeps their code: a new invitation only resets the password.
        let code = (await tx.patients.get(patientId))?.loginCode ?? null;
        while (code === null) {
          const candidate = newLoginCode();
          if (!(await tx.patients.findCredentials(candidate))) code = candidate;
        }
        await tx.patients.setCredentials(patientId, code, passwordHash);
        await tx.sessions.endAllFor("patient", patientId);
        await tx.invitations.revokeUnused(patientId);
        return code;
      });
      const token = await startSession(services, "patient", patientId);
      const me = await services.store.transaction({ kind: "patient", id: patientId }, async (tx) =>
        meOf(tx, {
          kind: "patient",
          id: patientId,
          clinicId: (await tx.patients.clinicOf(patientId))!,
          sessionId: "",
        }),
      );
      return { status: 201, body: { loginCode, me }, session: { token } };
    },
  }),
];
