/**
 * Access rules. Every route declares one (the route type requires it and the access walk test
 * checks every registered route), and one function decides them all, so the rules can be read
 * in one place:
 *
 * - public: anyone, signed in or not (login, joining by invitation, health, the API description);
 * - signed-in: any signed-in person, about themselves (who am I, log out);
 * - clinic: staff of the listed roles, about their own clinic;
 * - patient: one patient's record (`:patientId` in the path): that patient themself when `self`
 *   is true, or staff of the listed roles in the patient's clinic. A record refused looks exactly
 *   like a record that does not exist (404), so ids cannot be probed.
 */
import type { StaffRole } from "../app/ports/staff-repository.ts";
import type { Principal } from "./principal.ts";

export type Access =
  | { readonly kind: "public" }
  | { readonly kind: "signed-in" }
  | { readonly kind: "clinic"; readonly roles: readonly StaffRole[] }
  | { readonly kind: "patient"; readonly roles: readonly StaffRole[]; readonly self: boolean };

export type AccessDecision = "allow" | "unauthenticated" | "forbidden" | "check-patient";

/**
 * The part of the decision that needs no database: whether the principal may use the route at
 * all. "check-patient" means: allowed if the patient named in the path is theirs.
 *
 * @example decideAccess({ kind: "clinic", roles: ["administrator"] }, clinician) // "forbidden"
 */
export function decideAccess(access: Access, principal: Principal | null): AccessDecision {
  if (access.kind === "public") return "allow";
  if (principal === null) return "unauthenticated";
  if (access.kind === "signed-in") return "allow";
  if (access.kind === "clinic") {
    return principal.kind === "staff" && access.roles.includes(principal.role) ? "allow" : "forbidden";
  }
  if (principal.kind === "patient") return access.self ? "check-patient" : "forbidden";
  return access.roles.includes(principal.role) ? "check-patient" : "forbidden";
}

/**
 * Whether a principal allowed by `decideAccess` may reach this patient's record.
 *
 * @example mayReachPatient(patientPrincipal, { id: otherId, clinicId }) // false
 */
export function mayReachPatient(
  principal: Principal,
  patient: { readonly id: string; readonly clinicId: string } | undefined,
): boolean {
  if (patient === undefined) return false;
  if (principal.kind === "patient") return principal.id === patient.id;
  return principal.clinicId === patient.clinicId;
}
