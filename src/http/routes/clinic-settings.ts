/**
 * The clinic's own settings, set by its administrator (issue 12): the name and phone number
 * printed on patients' schedules and instructions, and the SMTP server email reminders go
 * through. The SMTP password is never sent or stored: the server reads it from
 * LDN_SMTP_PASSWORD, and this API says only whether it is set.
 */
import { z } from "zod/v4";
import type { ClinicSettings } from "../../app/ports/clinic-settings-repository.ts";
import { notFound } from "../../domain/errors.ts";
import { defineRoute } from "../route.ts";
import type { ServerSettings } from "../settings.ts";

const SmtpSchema = z.object({
  host: z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9.-]*$/, "must be a host name or address, e.g. smtp.example.org (empty: no email)"),
  port: z.number().int().min(1).max(65_535),
  secure: z.boolean().describe("TLS from the start (usually port 465); otherwise STARTTLS when offered"),
  user: z.string().trim().max(200),
  from: z.union([z.literal(""), z.email().max(200)]).describe("the address reminders come from"),
});

const SettingsBody = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[0-9+() .-]*$/, "must be a phone number: digits, spaces and + ( ) . - only"),
  smtp: SmtpSchema,
});

const SettingsSchema = SettingsBody.extend({
  smtpPasswordSet: z.boolean().describe("whether LDN_SMTP_PASSWORD is set on the server"),
});

const ContactSchema = z.object({ name: z.string(), phone: z.string() });

const toDto = (s: ClinicSettings, settings: ServerSettings) => ({
  name: s.name,
  phone: s.phone,
  smtp: s.smtp,
  smtpPasswordSet: settings.smtpPassword !== "",
});

export const clinicSettingsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/clinic",
    summary: "Your clinic's name and phone number, as printed for patients",
    tag: "clinic",
    access: { kind: "signed-in" },
    action: "clinic.contact",
    response: ContactSchema,
    handler: async ({ tx, principal }) => {
      const s = await tx.clinicSettings.get(principal!.clinicId);
      if (!s) throw notFound("clinic");
      return { name: s.name, phone: s.phone };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/clinic/settings",
    summary: "The clinic's settings: name, phone, SMTP server (never its password)",
    tag: "clinic",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "clinic.settings.read",
    response: SettingsSchema,
    handler: async ({ tx, principal, services }) => {
      const s = await tx.clinicSettings.get(principal!.clinicId);
      if (!s) throw notFound("clinic");
      return toDto(s, services.settings);
    },
  }),
  defineRoute({
    method: "put",
    path: "/api/clinic/settings",
    summary:
      "Set the clinic's name, phone number and SMTP server (host empty: no email). The SMTP password is read from LDN_SMTP_PASSWORD on the server",
    tag: "clinic",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "clinic.settings",
    body: SettingsBody,
    response: SettingsSchema,
    handler: async ({ tx, principal, body, services }) =>
      toDto(await tx.clinicSettings.save({ clinicId: principal!.clinicId, ...body }), services.settings),
  }),
];
