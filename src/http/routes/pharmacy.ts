/**
 * The pharmacy's daily work: the queue of fills due (from each patient's real path), a
 * patient's fills, recording a fill as dispensed, and the order for the next fill as a PDF.
 */
import { z } from "zod/v4";
import type { DispensedFill, FillLines } from "../../app/ports/dispensed-fill-repository.ts";
import { dispenseFill } from "../../app/use-cases/dispense-fill.ts";
import { listFillsDue } from "../../app/use-cases/list-fills-due.ts";
import type { NextFill } from "../../app/use-cases/plan-next-fill.ts";
import { readFills } from "../../app/use-cases/read-fills.ts";
import { FILL_SETTING_NOTES } from "../../domain/compounding/next-fill.ts";
import { formatDose } from "../../domain/dose.ts";
import { badRequest, conflict } from "../../domain/errors.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import { directionLines, orderPdf } from "../../documents/order-pdf.ts";
import { PatientParams } from "../api/common.ts";
import { DispensedFillSchema, DispenseSchema, PatientFillsSchema, QueueSchema } from "../api/pharmacy.ts";
import { defineRoute } from "../route.ts";
import { todayIn } from "../today.ts";

/** Each strength with its display text, and each dose's capsules and how many make it. */
function linesDto(lines: FillLines) {
  return {
    strengths: lines.strengths.map((s) => ({ ...s, strength: formatDose(s.ug) })),
    recipes: lines.recipes.map((r) => ({
      ...r,
      capsules: [...r.capsules],
      dose: formatDose(r.ug),
      capsulesText: r.capsules.map((c) => formatDose(c)).join(" + "),
      capsulesPerDose: r.capsules.length,
    })),
  };
}

function nextFillDto(next: NextFill) {
  const { window, capsules } = next;
  return {
    patientId: next.patient.id,
    patientName: next.patient.displayName,
    prescriber: next.prescriber,
    protocolName: next.protocol.name,
    state: next.state,
    neededFrom: window.neededFrom,
    start: window.start,
    end: window.end,
    days: window.days,
    status: window.status,
    daysUntilNeeded: window.daysUntilNeeded,
    ...(capsules
      ? linesDto({ strengths: capsules.strengths, recipes: capsules.recipes })
      : { strengths: [], recipes: [] }),
    directions: capsules ? directionLines(next.days, capsules) : [],
    note: capsules ? null : "No doses to take in these days: nothing to compound",
  };
}

function dispensedDto(fill: DispensedFill) {
  return {
    id: fill.id,
    patientId: fill.patientId,
    start: fill.start,
    end: fill.end,
    days: fill.days,
    ...linesDto(fill.lines),
    dispensedBy: { id: fill.dispensedBy, name: fill.dispensedByName },
    dispensedAt: fill.dispensedAt,
  };
}

export const pharmacyRoutes = [
  defineRoute({
    method: "get",
    path: "/api/pharmacy/queue",
    summary:
      "The pharmacy's queue: every patient with a plan who has not stopped, with their next fill (needed from the day after the last one dispensed runs out; the engine's doses for its days), prescriber, strengths and capsules per dose; overdue and due first. Fill length and notice are clinic settings",
    tag: "pharmacy",
    access: { kind: "clinic", roles: ["pharmacist", "clinician"] },
    action: "pharmacy.queue",
    response: QueueSchema,
    handler: async ({ tx, principal, services }) => {
      const { fillDays, fillLeadDays } = services.settings;
      const fills = await listFillsDue(tx, principal!.clinicId, todayIn(services.clock), services.settings);
      return {
        settings: {
          fillDays,
          fillLeadDays,
          notes: [
            `${fillDays} days a fill (${FILL_SETTING_NOTES.fillDays})`,
            `due ${fillLeadDays} days ahead (${FILL_SETTING_NOTES.fillLeadDays})`,
          ],
        },
        fills: fills.map(nextFillDto),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/fills",
    summary:
      "A patient's fills: the next one (when, what, prescriber) and those dispensed (what, when, by whom)",
    tag: "pharmacy",
    access: { kind: "patient", roles: ["pharmacist", "clinician"], self: false },
    action: "fill.list",
    params: PatientParams,
    response: PatientFillsSchema,
    handler: async ({ tx, params, services }) => {
      const { patientName, next, dispensed } = await readFills(
        tx,
        params.patientId,
        todayIn(services.clock),
        services.settings,
      );
      return { patientName, next: next && nextFillDto(next), dispensed: dispensed.map(dispensedDto) };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/fills",
    summary:
      "Record the patient's next fill as dispensed, by the signed-in pharmacist, now: send its first day and the strengths and quantities shown (409 when the fill due has changed, or was dispensed already). Send an Idempotency-Key header: the same key again returns the fill stored, with 200",
    tag: "pharmacy",
    access: { kind: "patient", roles: ["pharmacist"], self: false },
    action: "fill.dispense",
    params: PatientParams,
    body: DispenseSchema,
    response: DispensedFillSchema,
    successStatus: 201,
    handler: async ({ tx, params, body, header, services }) => {
      const key = header("idempotency-key");
      if (!key) throw badRequest("Idempotency-Key", "required (a UUID made once per fill)");
      const { fill, created } = await dispenseFill(
        tx,
        params.patientId,
        key,
        body,
        todayIn(services.clock),
        services.settings,
      );
      return { status: created ? 201 : 200, body: dispensedDto(fill) };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/order.pdf",
    summary:
      "The compounding order for the patient's next fill (PDF): patient, prescriber, clinic, fill dates, strengths and quantities, directions",
    tag: "pharmacy",
    access: { kind: "patient", roles: ["pharmacist", "clinician"], self: false },
    action: "fill.order",
    params: PatientParams,
    query: z.object({ pharmacy: z.string().trim().max(200).optional() }),
    response: z.unknown().describe("application/pdf"),
    handler: async ({ tx, params, query, principal, services }) => {
      const { next } = await readFills(tx, params.patientId, todayIn(services.clock), services.settings);
      if (!next || !next.capsules)
        throw conflict("This patient has no fill to order: no plan, or no doses to take");
      const clinic = await tx.clinics.get(principal!.clinicId);
      const bytes = await orderPdf({
        protocol: {
          name: next.protocol.name,
          key: protocolKey(next.protocol),
          source: `${next.protocol.source.doc}, ${next.protocol.source.citation}`,
        },
        patient: { name: next.patient.displayName },
        prescriber: { name: next.prescriber.name ?? "(prescriber not recorded)" },
        clinic: { name: clinic?.name ?? "the clinic" },
        ...(query.pharmacy ? { pharmacy: query.pharmacy } : {}),
        days: next.days,
        plan: next.capsules,
        createdAt: services.clock.now(),
      });
      return {
        body: null,
        file: { bytes, contentType: "application/pdf", filename: `ldn-order-${next.window.start}.pdf` },
      };
    },
  }),
];
