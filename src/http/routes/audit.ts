/** The audit trail, for administrators. */
import { z } from "zod/v4";
import { defineRoute } from "../route.ts";

export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  action: z.string(),
  patientId: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.enum(["success", "denied", "failure"]),
  // Free-form on purpose: each of the many actions records its own details, and an event keeps
  // them as they were written when it happened, whatever shape later versions give that action.
  details: z.record(z.string(), z.unknown()),
});

/**
 * Details that hold a clinician's own words, by action: a decision's reason, why an opioid
 * interaction was accepted. Clinical content, which administrators do not read; the event still
 * shows that there was one.
 */
const CLINICAL_TEXT: Readonly<Record<string, readonly string[]>> = {
  "decision.create": ["reason"],
  "plan.create": ["interactionAcknowledged"],
};

function withoutClinicalText(event: {
  readonly action: string;
  readonly details: Readonly<Record<string, unknown>>;
}): Record<string, unknown> {
  const hidden = Object.hasOwn(CLINICAL_TEXT, event.action) ? CLINICAL_TEXT[event.action]! : [];
  return Object.fromEntries(
    Object.entries(event.details).map(([key, value]) =>
      hidden.includes(key) && typeof value === "string" && value !== ""
        ? [key, "(clinical text, not shown)"]
        : [key, value],
    ),
  );
}

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/audit",
    summary: "Audit events, newest first (filter by patient; page back with beforeId)",
    tag: "audit",
    access: { kind: "clinic", roles: ["administrator"] },
    action: "audit.query",
    query: z.object({
      patientId: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      beforeId: z.coerce.number().int().min(1).optional(),
    }),
    response: z.array(AuditEventSchema),
    handler: async ({ tx, query, principal }) => {
      // Administrators see their own clinic's events: a patient filter must name one of its patients.
      if (
        query.patientId !== undefined &&
        (await tx.patients.clinicOf(query.patientId)) !== principal!.clinicId
      )
        return [];
      const events = await tx.audit.query({
        clinicId: principal!.clinicId,
        limit: query.limit,
        ...(query.patientId ? { patientId: query.patientId } : {}),
        ...(query.beforeId ? { beforeId: query.beforeId } : {}),
      });
      return events.map((e) => ({ ...e, details: withoutClinicalText(e) }));
    },
  }),
];
