/** The clinic's staff accounts: administrators add and disable them. */
import { z } from "zod/v4";
import { addStaff } from "../../app/use-cases/add-staff.ts";
import { disableStaff } from "../../app/use-cases/disable-staff.ts";
import { IdSchema, OkSchema } from "../api/common.ts";
import { actorOf } from "../principal.ts";
import { defineRoute } from "../route.ts";

export const StaffSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(["administrator", "clinician", "pharmacist"]),
  disabled: z.boolean(),
});

const toStaff = (s: {
  id: string;
  email: string;
  displayName: string;
  role: "administrator" | "clinician" | "pharmacist";
  disabledAt: string | null;
}) => ({
  id: s.id,
  email: s.email,
  displayName: s.displayName,
  role: s.role,
  disabled: s.disabledAt !== null,
});

export const staffRoutes = [
  defineRoute({
    method: "get",
    path: "/api/staff",
    summary: "The clinic's staff",
    tag: "staff",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "staff.list",
    response: z.array(StaffSchema),
    handler: async ({ tx, principal }) => (await tx.staff.listByClinic(principal!.clinicId)).map(toStaff),
  }),
  defineRoute({
    method: "post",
    path: "/api/staff",
    summary: "Add a staff member (administrator, clinician or pharmacist) to the clinic",
    tag: "staff",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "staff.create",
    body: z.object({
      email: z.email().max(200),
      displayName: z.string().trim().min(1).max(200),
      role: z.enum(["administrator", "clinician", "pharmacist"]),
      password: z.string().max(200),
    }),
    response: StaffSchema,
    successStatus: 201,
    // Hashes the password before its transaction opens (add-staff.ts).
    ownTransactions: true,
    handler: async ({ principal, body, services, clientAddress }) => {
      const { staff } = await addStaff(services, actorOf(principal!), {
        clinic: { id: principal!.clinicId },
        members: [body],
        queue: clientAddress,
      });
      return toStaff(staff[0]!);
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/staff/:staffId/disable",
    summary: "Disable a staff account: it can no longer sign in, and its sessions end",
    tag: "staff",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "staff.disable",
    params: z.object({ staffId: IdSchema }),
    body: z.object({}).optional(),
    response: OkSchema,
    handler: async ({ tx, principal, params }) => {
      await disableStaff(tx, principal!, params.staffId);
      return { ok: true as const };
    },
  }),
];
