/**
 * A screening's result as stored beside its answers: the domain's ScreeningResult
 * (src/domain/screening/types.ts). Codes and ids stay strings, not enums: a result is kept as
 * the rules of its day made it (`rules`), and a later rule set may add codes.
 */
import { z } from "zod/v4";

const CitedSchema = z.object({ message: z.string(), source: z.string() });

const MmeLineSchema = z.object({
  drug: z.string(),
  written: z.string().describe("the opioid as written"),
  amount: z.number(),
  unit: z.string(),
  dosesPerDay: z.number().nullable(),
  perDay: z.number(),
  perDayUnit: z.enum(["mg/day", "mcg/hr"]),
  factor: z.number().describe("the MME conversion factor"),
  mmePerDay: z.number(),
  mmePerDayText: z.string().optional().describe("absent in screenings stored before it was added"),
  source: z.string(),
});

const MmeSchema = z.object({
  lines: z.array(MmeLineSchema),
  totalMmePerDay: z.number(),
  totalText: z
    .string()
    .optional()
    .describe("never rounded across a threshold; absent in screenings stored before it was added"),
  flags: z.array(CitedSchema.extend({ code: z.string(), threshold: z.number(), comparison: z.string() })),
  caveats: z.array(CitedSchema.extend({ code: z.string(), drug: z.string() })),
  notes: z.array(z.string()),
});

const InteractionSchema = CitedSchema.extend({
  code: z.string(),
  severity: z.enum(["warning", "caution"]),
  protocolId: z.string(),
  opioids: z.array(z.string()),
  requiresClinicianDecision: z.literal(true),
});

export const ScreeningResultSchema = z.object({
  rules: z.string().describe("the rule set that made this result"),
  eligibility: z.enum(["eligible", "not-eligible", "needs-review"]),
  reasons: z.array(
    CitedSchema.extend({
      code: z.string(),
      effect: z.enum(["excludes", "review", "note"]),
      scope: z.enum(["all", "mg-range"]),
    }),
  ),
  protocols: z.array(
    z.object({
      protocolId: z.string(),
      protocolKey: z.string(),
      fit: z.enum(["suggested", "possible", "unsuitable"]),
      code: z.string(),
      why: z.string(),
      source: z.string(),
      interaction: InteractionSchema.nullable(),
    }),
  ),
  mme: MmeSchema.nullable().describe("of the convertible opioids; null when there are none"),
  opioidsWithoutMme: z.array(z.string()).describe("opioids with no MME factor (buprenorphine), as written"),
  riskFactors: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      source: z.string(),
      recordedFrom: z.enum(["clinician", "opioids"]),
    }),
  ),
});
export type ScreeningResultDto = z.infer<typeof ScreeningResultSchema>;
