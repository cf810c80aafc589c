/** The clinic's staff accounts: administrators add and disable them. */
import { z } from "zod/v4";
import { passwordProblem } from "../auth/passwords.ts";
import { IdSchema, OkSchema } from "../api/common.ts";
import { HttpError, notFound } from "../errors.ts";
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
    handler: async ({ tx, principal, body, services, clientAddress }) => {
      const problem = passwordProblem(body.password);
      if (problem) throw new HttpError("invalid_request", `password: ${problem}`, "password");
      const email = body.email.toLowerCase();
      if (await tx.staff.findByEmail(email))
        throw new HttpError("conflict", `email: ${email} already has an account`, "email");
      const passwordHash = await services.passwords.hash(body.password, clientAddress);
      const staff = await tx.staff.create({
        clinicId: principal!.clinicId,
        email,
        displayName: body.displayName,
        role: body.role,
        passwordHash,
      });
      return toStaff(staff);
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
      const staff = await tx.staff.get(params.staffId);
      if (!staff || staff.clinicId !== principal!.clinicId) throw notFound();
      if (staff.id === principal!.id) throw new HttpError("conflict", "You cannot disable your own account");
      await tx.staff.disable(staff.id);
      await tx.sessions.endAllFor("staff", staff.id);
      return { ok: true as const };
    },
  }),
];
