/** Schemas of the patient, plan and schedule routes. */
import { z } from "zod/v4";
import { ScreeningResultSchema } from "./screening.ts";
import { AlertSchema } from "./alerts.ts";
import { DayDosesSchema, DoseSchema, IsoDateSchema } from "./common.ts";

export const ScreeningAnswersSchema = z.object({
  ageYears: z.number().int().min(0).max(130),
  painMonths: z.number().int().min(0).max(1200),
  pregnancy: z.enum(["yes", "no", "unknown", "not-applicable"]),
  opioids: z.array(z.string().min(1).max(200)).max(20).describe('each as written, e.g. "oxycodone 10mg x3"'),
  mustStayOnOpioids: z.boolean(),
  riskFactors: z.array(z.string().max(100)).max(20),
});

export const AttentionSchema = z.object({
  code: z.string(),
  priority: z.number(),
  message: z.string(),
  facts: z
    .array(z.string())
    .describe(
      "what the flag says; send them back to acknowledge it as it stands, and it returns when it says more",
    ),
  acknowledgeable: z
    .boolean()
    .describe("false for a recommendation (decide on it) and a missing plan (start one)"),
});

export const AcknowledgedSchema = z.object({
  code: z.string(),
  message: z.string(),
  by: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const PatientSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  enrolledAt: z.string(),
  joined: z.boolean(),
  protocolKey: z.string().nullable(),
  protocolName: z.string().nullable().describe("the protocol's name, e.g. 'Micro-titration'"),
  startDate: z.string().nullable(),
  state: z.enum(["titrating", "window", "med", "paused", "stopped", "maintenance"]).nullable(),
  medUg: z.number().nullable(),
  todayUg: z.number().nullable(),
  today: z.string().nullable().describe("today's total as ISMP text"),
  lastCheckIn: z.string().nullable(),
  daysSinceCheckIn: z.number().nullable(),
  alerts: z.array(AlertSchema).describe("the engine's alerts as of the last check-in; empty for pharmacists"),
  attention: z.array(AttentionSchema).describe("what needs attention now, most urgent first"),
  acknowledged: z
    .array(AcknowledgedSchema)
    .describe("flags acknowledged that have said nothing new since: who and when; empty for pharmacists"),
});
export type PatientSummaryDto = z.infer<typeof PatientSummarySchema>;

/** The titration states a dashboard can filter on (`?state=`). */
export const TITRATION_STATES = ["titrating", "window", "med", "paused", "stopped", "maintenance"] as const;

/** What needs attention, as the dashboard filters on it (`?attention=`): any flag, none, or one flag. */
export const ATTENTION_FILTERS = [
  "any",
  "none",
  "engine-alert",
  "recommendation",
  "side-effect",
  "opioid-interaction",
  "missed-week",
  "questionnaire-due",
  "no-plan",
] as const;

/** One page of the dashboard: `GET /api/patients?page=&pageSize=&q=&state=&attention=&sort=`. */
export const PatientPageSchema = z.object({
  patients: z.array(PatientSummarySchema),
  total: z.number().describe("patients matching the search and filters, on every page"),
  page: z.number(),
  pageSize: z.number(),
  counts: z
    .object({
      states: z.record(z.string(), z.number()).describe('patients in each state; "none": no plan yet'),
      attention: z
        .record(z.string(), z.number())
        .describe('patients with each flag; "any": with one or more'),
    })
    .describe("the whole clinic's, whatever the search and filters (a pharmacist's: no clinical flags)"),
});
export type PatientPageDto = z.infer<typeof PatientPageSchema>;

export const PatientDetailSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  enrolledAt: z.string(),
  joined: z.boolean(),
  screening: z.object({ answers: ScreeningAnswersSchema, result: ScreeningResultSchema }),
});
export type PatientDetail = z.infer<typeof PatientDetailSchema>;

export const PlanSchema = z.object({
  id: z.string(),
  protocolId: z.string(),
  protocolVersion: z.number(),
  protocolName: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  startDate: z.string(),
  detector: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  interactionAck: z.object({ by: z.string(), reason: z.string(), alert: z.string() }).nullable(),
});
export type PlanDto = z.infer<typeof PlanSchema>;

export const NewPlanSchema = z.object({
  protocolId: z.string().min(1),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).default({}),
  startDate: IsoDateSchema,
  detector: z.enum(["literal", "robust"]).default("robust"),
  interactionReason: z.string().max(2000).optional(),
});

export const ScheduleSchema = z.object({
  protocolKey: z.string(),
  protocolName: z.string(),
  source: z.string(),
  settingNotes: z.array(z.string()),
  days: z.array(DayDosesSchema.extend({ day: z.number() })),
  opioidInstructions: z
    .object({ title: z.string(), lines: z.array(z.string()) })
    .nullable()
    .describe(
      "for a patient with opioids recorded at screening: the opioid by name, withdrawal (002), what to do, whom to call",
    ),
});

/** A dose due on a day, with when it was taken. */
export const TakenDoseSchema = DoseSchema.extend({
  takenAt: z
    .string()
    .nullable()
    .describe("when it was ticked as taken (or the day's check-in said so); null while not taken"),
});

export const TodaySchema = z.object({
  state: z.string().nullable(),
  today: DayDosesSchema.extend({ doses: z.array(TakenDoseSchema) })
    .nullable()
    .describe("the day's doses, each with takenAt: ticked doses are saved as they are ticked"),
  tomorrow: DayDosesSchema.nullable(),
  instructions: z.array(z.string()),
  alerts: z
    .array(AlertSchema)
    .describe("the engine's alerts as of today (what tomorrow's doses follow from)"),
});
export type TodayDto = z.infer<typeof TodaySchema>;

export const ProtocolSchema = z.object({
  id: z.string(),
  version: z.number(),
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.string(),
  rule: z.string(),
  withOpioids: z.boolean(),
  limits: z
    .object({
      maxPerDose: z.string(),
      maxPerDay: z.string(),
      maxStep: z.string(),
      maxDosesPerDay: z.number().int(),
      why: z
        .object({
          maxPerDoseUg: z.string(),
          maxPerDayUg: z.string(),
          maxStepUg: z.string(),
          maxDosesPerDay: z.string(),
        })
        .describe("each limit's source"),
    })
    .describe("the protocol's limits as display text (ISMP doses)"),
  settings: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.string(),
      default: z.string(),
      provenance: z.string(),
      note: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});
export type ProtocolDto = z.infer<typeof ProtocolSchema>;
