/**
 * Adding staff to a clinic: `POST /api/staff`, `ldn admin create` (the first administrator, and
 * the clinic when new) and the demo clinic all come here. Passwords are checked and hashed
 * before the transaction opens (issue 14: scrypt inside the write lock held up every check-in).
 */
import type { Actor } from "../ports/actor.ts";
import type { Clinic } from "../ports/clinic-repository.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { Staff, StaffRole } from "../ports/staff-repository.ts";
import type { Repositories, Store } from "../ports/store.ts";
import { conflict, notFound, unacceptable } from "../../domain/errors.ts";
import { refuseCommonPassword } from "../../domain/accounts/common-passwords.ts";
import { passwordProblem } from "../../domain/accounts/password-policy.ts";

export interface NewMember {
  readonly email: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly password: string;
}

export interface AddStaffInput {
  /** The clinic by id, or by name (created when no clinic has that name). */
  readonly clinic: { readonly id: string } | { readonly name: string };
  readonly members: readonly NewMember[];
  /** Whose turn the hashes take where hashing is bounded (the client address). */
  readonly queue?: string;
}

export interface AddedStaff {
  readonly clinic: Clinic;
  readonly clinicCreated: boolean;
  readonly staff: readonly Staff[];
}

/**
 * Adds the members to the clinic, all or none. Throws `invalid_argument` (field `password`) for
 * a password the policy refuses and `conflict` (field `email`) for an email already in use.
 *
 * @example
 * const { staff } = await addStaff({ store, passwords }, actor, {
 *   clinic: { id: clinicId },
 *   members: [{ email: "a@x.example", displayName: "Dr A", role: "clinician", password }],
 * });
 */
export async function addStaff(
  deps: { readonly store: Store; readonly passwords: PasswordHasher },
  actor: Actor,
  input: AddStaffInput,
): Promise<AddedStaff> {
  const members = input.members.map((m) => ({
    ...m,
    email: m.email.trim().toLowerCase(),
    displayName: m.displayName.trim(),
  }));
  for (const m of members) {
    const problem = passwordProblem(m.password);
    if (problem) throw unacceptable("password", problem);
    refuseCommonPassword(m.password, "password");
  }
  const hashes = await Promise.all(members.map((m) => deps.passwords.hash(m.password, input.queue)));
  return deps.store.transaction(actor, async (tx) => {
    const { clinic, created } = await clinicFor(tx, input.clinic);
    const staff: Staff[] = [];
    for (const [i, m] of members.entries()) {
      if (await tx.staff.findByEmail(m.email))
        throw conflict(`email: ${m.email} already has an account`, "email");
      staff.push(
        await tx.staff.create({
          clinicId: clinic.id,
          email: m.email,
          displayName: m.displayName,
          role: m.role,
          passwordHash: hashes[i]!,
        }),
      );
    }
    return { clinic, clinicCreated: created, staff };
  });
}

async function clinicFor(
  tx: Repositories,
  which: AddStaffInput["clinic"],
): Promise<{ clinic: Clinic; created: boolean }> {
  if ("id" in which) {
    const clinic = await tx.clinics.get(which.id);
    if (!clinic) throw notFound("clinic");
    return { clinic, created: false };
  }
  const name = which.name.trim();
  const existing = (await tx.clinics.list()).find((c) => c.name === name);
  return existing
    ? { clinic: existing, created: false }
    : { clinic: await tx.clinics.create({ name }), created: true };
}
