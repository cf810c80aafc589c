/** Who a request is from, once its session is checked. */
import type { Actor } from "../app/ports/actor.ts";
import type { StaffRole } from "../app/ports/staff-repository.ts";

export type Principal =
  | {
      readonly kind: "staff";
      readonly id: string;
      readonly clinicId: string;
      readonly role: StaffRole;
      readonly displayName: string;
      readonly sessionId: string;
    }
  | { readonly kind: "patient"; readonly id: string; readonly clinicId: string; readonly sessionId: string };

/** @example actorOf(principal) // { kind: "staff", id: "…" } */
export function actorOf(principal: Principal): Actor {
  return { kind: principal.kind, id: principal.id };
}
