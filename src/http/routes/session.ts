/**
 * Signing in and out, and joining by invitation. Staff sign in with their email; patients with
 * the login code they were given when they joined (they never choose a username).
 */
import { z } from "zod/v4";
import type { Repositories } from "../../app/ports/store.ts";
import { acceptInvitation } from "../../app/use-cases/accept-invitation.ts";
import { changePassword } from "../../app/use-cases/change-password.ts";
import { signIn } from "../../app/use-cases/sign-in.ts";
import { MeSchema, OkSchema, type Me } from "../api/common.ts";
import type { Principal } from "../principal.ts";
import { defineRoute } from "../route.ts";

const LoginBody = z.object({
  login: z.string().min(1).max(200).describe("a staff member's email, or a patient's login code"),
  password: z.string().min(1).max(200),
});

/** A staff member as a principal, to say who they are after signing in. */
async function staffPrincipal(tx: Repositories, id: string): Promise<Principal | undefined> {
  const staff = await tx.staff.get(id);
  return (
    staff && {
      kind: "staff",
      id: staff.id,
      clinicId: staff.clinicId,
      role: staff.role,
      displayName: staff.displayName,
      sessionId: "",
    }
  );
}

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
      const account = await signIn(services, { ...body, address: clientAddress });
      const me = await services.store.transaction(account, async (tx) => {
        const principal: Principal | undefined =
          account.kind === "staff"
            ? await staffPrincipal(tx, account.id)
            : {
                kind: "patient",
                id: account.id,
                clinicId: (await tx.patients.clinicOf(account.id))!,
                sessionId: "",
              };
        return meOf(tx, principal!);
      });
      return { body: { me }, session: { token: account.token } };
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
    ownTransactions: true,
    handler: async ({ principal, body, services, clientAddress }) => {
      const token = await changePassword(services, principal!, { ...body, address: clientAddress });
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
      const joined = await acceptInvitation(services, { ...body, address: clientAddress });
      const { patientId, loginCode, token } = joined;
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
