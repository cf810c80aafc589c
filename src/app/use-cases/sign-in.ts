/**
 * Signing in: staff with their email, patients with the login code they were given when they
 * joined. Throttled per account and per address; the password is checked outside any
 * transaction (scrypt takes most of a second); every attempt is audited.
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { AccountServices } from "../ports/account-services.ts";
import type { SubjectKind } from "../ports/session-repository.ts";
import { normaliseLoginCode } from "../tokens.ts";
import { unauthenticated } from "../../domain/errors.ts";
import { accountKeys, attempted, beginAttempt } from "./throttle-attempt.ts";
import { openSession } from "./open-session.ts";

export interface SignInInput {
  /** A staff member's email, or a patient's login code (case, spaces and the dash forgiven). */
  readonly login: string;
  readonly password: string;
  /** The client's address: throttled and audited. */
  readonly address: string;
}

export interface SignedIn {
  readonly kind: SubjectKind;
  readonly id: string;
  /** The new session's token, for the cookie. */
  readonly token: string;
}

/** Verified against when an account does not exist, so a wrong email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * Signs in, or throws `unauthenticated` (wrong login or password, alike) or `too_many_requests`.
 *
 * @example const { kind, id, token } = await signIn(services, { login: "a@x.example", password, address });
 */
export async function signIn(services: AccountServices, input: SignInInput): Promise<SignedIn> {
  const isStaff = input.login.includes("@");
  const login = isStaff ? input.login.trim().toLowerCase() : normaliseLoginCode(input.login);
  const attempt = await beginAttempt(
    services,
    accountKeys(services, `login-account:${login}`, input.address),
  );
  const { account, ok } = await attempted(attempt, () =>
    checkLogin(services, isStaff, login, input.password, input.address),
  );
  const success = account !== undefined && ok;
  const token = await services.store.transaction(SYSTEM_ACTOR, async (tx) => {
    await tx.audit.record({
      action: "session.login",
      patientId: account?.patientId ?? null,
      subjectId: account?.id ?? null,
      outcome: success ? "success" : "failure",
      details: { kind: isStaff ? "staff" : "patient", address: input.address },
    });
    return success ? openSession(tx, services, account.kind, account.id) : null;
  });
  if (!success || token === null) {
    await attempt.failed();
    throw unauthenticated("Wrong login or password");
  }
  await attempt.succeeded();
  return { kind: account.kind, id: account.id, token };
}

/** The account behind a login (enabled staff, or a patient who has joined) and whether the password is its. */
async function checkLogin(
  services: AccountServices,
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
