/** Protocols, a patient's plans, their schedule, today's doses and the pharmacy's compounding plan. */
import { z } from "zod/v4";
import { instructionsFor } from "../../app/use-cases/advise-patient.ts";
import { assessRecord, loadPatientRecord } from "../../app/use-cases/assess-patient.ts";
import { planDays } from "../../app/use-cases/plan-days.ts";
import { startPlan } from "../../app/use-cases/start-plan.ts";
import { takenOf } from "../../app/use-cases/tick-dose.ts";
import { checkInWindow, planStartWindow } from "../../app/use-cases/date-window.ts";
import type { Plan } from "../../app/ports/plan-repository.ts";
import { addDays, daysBetween, parseIsoDate } from "../../domain/calendar-date.ts";
import { planCapsules } from "../../domain/compounding/capsule-plan.ts";
import { diaryDayOf } from "../../app/use-cases/read-diary.ts";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol, PROTOCOLS, protocolKey } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition, SettingDefinition } from "../../domain/protocols/protocol.ts";
import type { ScheduledDose } from "../../domain/protocols/split-doses.ts";
import { opioidSection } from "../../documents/patient-instructions.ts";
import { schedulePdf } from "../../documents/schedule-pdf.ts";
import { alertDto } from "../api/alerts.ts";
import { CompoundingSchema } from "../api/pharmacy.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { NewPlanSchema, PlanSchema, ProtocolSchema, ScheduleSchema, TodaySchema } from "../api/patients.ts";
import { defineRoute } from "../route.ts";
import { dayShown, localDateOf, todayIn } from "../today.ts";

const planDto = (p: Plan) => ({ ...p, protocolName: getProtocol(p.protocolId).name });

const settingDefault = (protocol: ProtocolDefinition, s: SettingDefinition): string =>
  s.kind === "dose"
    ? formatDose(s.defaultUg, protocol.unit)
    : s.kind === "integer"
      ? `${s.default} ${s.unit}`
      : s.default.join(", ");

const protocolDto = (p: ProtocolDefinition) => ({
  id: p.id,
  version: p.version,
  key: protocolKey(p),
  name: p.name,
  unit: p.unit,
  source: `${p.source.doc}: ${p.source.citation}`,
  rule: p.rule,
  withOpioids: p.withOpioids,
  limits: {
    maxPerDose: formatDose(p.limits.maxPerDoseUg, p.unit),
    maxPerDay: formatDose(p.limits.maxPerDayUg, p.unit),
    maxStep: formatDose(p.limits.maxStepUg, p.unit),
    maxDosesPerDay: p.limits.maxDosesPerDay,
    why: p.limits.why,
  },
  settings: p.settings.map((s) => ({
    key: s.key,
    label: s.label,
    kind: s.kind,
    default: settingDefault(p, s),
    provenance: s.provenance,
    note: s.note,
  })),
  notes: [...p.notes],
});

const dayDto = (date: string, totalUg: number, doses: readonly ScheduledDose[], unit: "mg" | "mcg") => ({
  date,
  totalUg,
  total: formatDose(totalUg, unit),
  doses: doses.map((d) => ({ time: d.time, ug: d.ug, dose: formatDose(d.ug, unit) })),
});

export const planRoutes = [
  defineRoute({
    method: "get",
    path: "/api/protocols",
    summary:
      "The protocol catalogue: each protocol's source, rule, limits and settings (published or clinic setting)",
    tag: "plans",
    access: { kind: "signed-in" },
    action: "protocol.list",
    noStore: false,
    response: z.array(ProtocolSchema),
    handler: async () => PROTOCOLS.map(protocolDto),
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/plans",
    summary: "A patient's plans, oldest first (the last is current)",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician", "pharmacist"], self: true },
    action: "plan.list",
    params: PatientParams,
    response: z.array(PlanSchema),
    handler: async ({ tx, params }) => (await tx.plans.listForPatient(params.patientId)).map(planDto),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/plans",
    summary:
      "Start a plan: protocol, settings within its limits, start date (from the patient's enrolment, less the baseline days, to 90 days ahead: clinic settings), detector; an opioid alert needs a reason",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "plan.create",
    params: PatientParams,
    body: NewPlanSchema,
    response: PlanSchema,
    successStatus: 201,
    handler: async ({ tx, params, body, principal, services }) => {
      // A start the diary can follow: around today, not before the enrolment (less a baseline).
      const enrolledAt = await tx.patients.enrolledAt(params.patientId);
      if (enrolledAt !== undefined)
        checkInWindow(
          parseIsoDate(body.startDate, "startDate"),
          "startDate",
          planStartWindow(
            parseIsoDate(todayIn(services.clock)),
            parseIsoDate(localDateOf(enrolledAt)),
            services.settings,
          ),
        );
      return planDto(
        await startPlan(tx, principal!.id, {
          patientId: params.patientId,
          protocolId: body.protocolId,
          settings: body.settings,
          startDate: body.startDate,
          detector: body.detector,
          ...(body.interactionReason === undefined ? {} : { interactionReason: body.interactionReason }),
        }),
      );
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/schedule",
    summary: "The current plan's schedule as the protocol writes it (from the start, or `from`, for `days`)",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician", "pharmacist"], self: true },
    action: "plan.schedule",
    params: PatientParams,
    query: z.object({
      from: IsoDateSchema.optional(),
      days: z.coerce.number().int().min(1).max(366).optional(),
    }),
    response: ScheduleSchema,
    handler: async ({ tx, params, query, principal }) => {
      const { protocol, days, opioids } = await planDays(
        tx,
        params.patientId,
        query.from,
        query.days ?? 28,
        "from",
      );
      const clinic = await tx.clinicSettings.get(principal!.clinicId);
      return {
        protocolKey: protocolKey(protocol),
        protocolName: protocol.name,
        source: `${protocol.source.doc}: ${protocol.source.citation}`,
        settingNotes: protocol.settings
          .filter((s) => s.provenance === "clinic-setting")
          .map((s) => `${s.label}: ${s.note}`),
        days: days.map((d) => ({ day: d.day, ...dayDto(d.date, d.totalUg, d.doses, protocol.unit) })),
        opioidInstructions:
          opioids.length > 0
            ? opioidSection({
                latestDoseTime: "00:00",
                form: "capsules",
                withOpioids: protocol.withOpioids,
                opioids,
                clinicName: clinic?.name ?? "your clinic",
                clinicPhone: clinic?.phone || undefined,
              })
            : null,
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/schedule.pdf",
    summary: "The patient's printable schedule (PDF): a week a page, a box to tick per dose, instructions",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician", "pharmacist"], self: true },
    action: "plan.print",
    params: PatientParams,
    query: z.object({
      from: IsoDateSchema.optional(),
      days: z.coerce.number().int().min(1).max(90).default(28),
      clinicPhone: z.string().max(50).optional(),
    }),
    response: z.unknown().describe("application/pdf"),
    handler: async ({ tx, params, query, principal, services }) => {
      const from = query.from ?? todayIn(services.clock);
      const { protocol, days, opioids } = await planDays(tx, params.patientId, from, query.days, "from");
      const patient = (await tx.patients.get(params.patientId))!;
      const clinic = await tx.clinicSettings.get(principal!.clinicId);
      const bytes = await schedulePdf({
        protocolName: protocol.name,
        withOpioids: protocol.withOpioids,
        opioids,
        patient: { name: patient.displayName },
        // The number the administrator set in clinic settings (or one given for this print);
        // with none, the clinic is named alone.
        clinic: {
          name: clinic?.name ?? "your clinic",
          phone: query.clinicPhone || clinic?.phone || undefined,
        },
        days,
        plan: planCapsules(days),
        createdAt: services.clock.now(),
      });
      return {
        body: null,
        file: {
          bytes,
          contentType: "application/pdf",
          filename: `ldn-schedule-${days[0]?.date ?? "plan"}.pdf`,
        },
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/today",
    summary:
      "Today's and tomorrow's doses as the engine recommends them (today's with what was taken), with plain-language instructions and the engine's alerts",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "plan.today",
    params: PatientParams,
    query: z.object({ today: IsoDateSchema.optional() }),
    response: TodaySchema,
    handler: async ({ tx, params, query, services }) => {
      const record = await loadPatientRecord(tx, params.patientId);
      if (!record.plan)
        return {
          state: null,
          today: null,
          tomorrow: null,
          instructions: ["Your clinic has not started your plan yet."],
          alerts: [],
        };
      const protocol = getProtocol(record.plan.protocolId);
      const today = dayShown(query.today, services.clock, services.settings);
      const forToday = assessRecord(record, addDays(today, -1))!;
      const forTomorrow = assessRecord(record, today)!;
      const days = record.diary.map(diaryDayOf);
      const show = (a: typeof forToday) =>
        a.next.totalUg > 0 ? dayDto(a.next.date, a.next.totalUg, a.next.doses, protocol.unit) : null;
      const started = daysBetween(parseIsoDate(record.plan.startDate), today) >= 0;
      const shownToday = started ? show(forToday) : null;
      // What was taken of today's doses: ticked on the phone, or in the day's saved check-in.
      const taken = shownToday
        ? takenOf(
            forToday.next.doses,
            record.diary.find((e) => e.date === today),
            await tx.doses.forDate(params.patientId, today),
          )
        : [];
      return {
        state: forTomorrow.state,
        today: shownToday && {
          ...shownToday,
          doses: shownToday.doses.map((d, i) => ({ ...d, takenAt: taken[i]?.takenAt ?? null })),
        },
        tomorrow: show(forTomorrow),
        instructions: instructionsFor(days, forTomorrow.next.doses.at(-1)?.time),
        alerts: forTomorrow.alerts.map(alertDto),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/compounding",
    summary: "What the pharmacy makes for the next fill: capsule strengths and quantities at the least cost",
    tag: "plans",
    access: { kind: "patient", roles: ["clinician", "pharmacist"], self: false },
    action: "plan.compounding",
    params: PatientParams,
    query: z.object({
      fillStart: IsoDateSchema.optional(),
      days: z.coerce.number().int().min(1).max(90).default(28),
    }),
    response: CompoundingSchema,
    handler: async ({ tx, params, query, services }) => {
      const from = query.fillStart ?? todayIn(services.clock);
      const { protocol, days } = await planDays(tx, params.patientId, from, query.days, "fillStart");
      const fill = planCapsules(days);
      return {
        period: fill.period,
        settings: fill.settings,
        strengths: fill.strengths.map((s) => ({ ...s, strength: formatDose(s.ug, protocol.unit) })),
        recipes: fill.recipes.map((r) => ({
          ...r,
          dose: formatDose(r.ug, protocol.unit),
          capsulesText: r.capsules.map((c) => formatDose(c, protocol.unit)).join(" + "),
        })),
        cost: fill.cost,
        simple: fill.simple,
        savingCents: fill.savingCents,
      };
    },
  }),
];
