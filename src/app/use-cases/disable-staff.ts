/** Disabling a staff account: it can no longer sign in, and its sessions end now. */
import type { Repositories } from "../ports/store.ts";
import { conflict, notFound } from "../../domain/errors.ts";

/**
 * Disables a member of the administrator's own clinic; another clinic's staff look missing.
 *
 * @example await disableStaff(tx, { id: admin.id, clinicId }, staffId);
 */
export async function disableStaff(
  tx: Repositories,
  administrator: { readonly id: string; readonly clinicId: string },
  staffId: string,
): Promise<void> {
  const staff = await tx.staff.get(staffId);
  if (!staff || staff.clinicId !== administrator.clinicId) throw notFound();
  if (staff.id === administrator.id) throw conflict("You cannot disable your own account");
  await tx.staff.disable(staff.id);
  await tx.sessions.endAllFor("staff", staff.id);
}
