/** The pharmacy's API types: the queue of fills, a patient's fills, dispensing one. */
import { z } from "zod/v4";
import { IsoDateSchema } from "./common.ts";

export const FillStrengthSchema = z.object({
  ug: z.number().int().min(1).max(100_000),
  quantity: z.number().int().min(1).max(10_000),
});

const StrengthLineSchema = FillStrengthSchema.extend({
  /** ISMP display text of the strength, e.g. "0.1 mg". */
  strength: z.string(),
});

const RecipeLineSchema = z.object({
  ug: z.number().int(),
  dose: z.string(),
  /** Doses of this amount in the fill. */
  count: z.number().int(),
  capsules: z.array(z.number().int()),
  /** "0.2 mg + 0.1 mg" */
  capsulesText: z.string(),
  capsulesPerDose: z.number().int(),
});

/** What a fill costs (src/domain/compounding/capsule-plan.ts: PlanCost), in cents. */
const PlanCostSchema = z.object({
  strengths: z.number().int(),
  capsules: z.number().int(),
  feesCents: z.number().int(),
  capsulesCents: z.number().int(),
  totalCents: z.number().int(),
  perDayCents: z.number().int().describe("the total over the fill's days, rounded half up to the cent"),
});

/** The next fill at the least cost (GET /api/patients/:patientId/compounding): the domain's CapsulePlan. */
export const CompoundingSchema = z.object({
  period: z.object({ start: IsoDateSchema, end: IsoDateSchema, days: z.number().int() }),
  settings: z
    .object({
      maxCapsulesPerDose: z.number().int(),
      feePerStrengthCents: z.number().int(),
      pricePerCapsuleCents: z.number().int(),
      strengthStepUg: z.number().int(),
      strengthStepIsDerived: z
        .boolean()
        .describe("the strength step was derived from the doses, not set by the clinic"),
    })
    .describe("clinic settings the plan was made with"),
  strengths: z.array(StrengthLineSchema),
  recipes: z.array(RecipeLineSchema.omit({ capsulesPerDose: true })),
  cost: PlanCostSchema,
  simple: z
    .object({ strengths: z.array(z.number().int()), cost: PlanCostSchema })
    .describe("one strength per dose amount, one capsule per dose: what the plan is measured against"),
  savingCents: z.number().int(),
});

export const NextFillSchema = z.object({
  patientId: z.string(),
  patientName: z.string(),
  prescriber: z.object({ id: z.string(), name: z.string().nullable() }),
  protocolName: z.string(),
  state: z.string().nullable(),
  neededFrom: IsoDateSchema.describe("the first day the patient has no capsules for"),
  start: IsoDateSchema.describe("the fill's first day: neededFrom, or today when that has passed"),
  end: IsoDateSchema,
  days: z.number().int(),
  status: z.enum(["overdue", "due", "upcoming"]),
  daysUntilNeeded: z.number().int(),
  strengths: z.array(StrengthLineSchema),
  recipes: z.array(RecipeLineSchema),
  /** The directions, one line per run of identical days, as on the order. */
  directions: z.array(z.string()),
  /** Why there is nothing to compound, when there is not. */
  note: z.string().nullable(),
});
export type NextFillDto = z.infer<typeof NextFillSchema>;

export const DispensedFillSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  days: z.number().int(),
  strengths: z.array(StrengthLineSchema),
  recipes: z.array(RecipeLineSchema),
  dispensedBy: z.object({ id: z.string(), name: z.string().nullable() }),
  dispensedAt: z.string(),
});
export type DispensedFillDto = z.infer<typeof DispensedFillSchema>;

export const QueueSchema = z.object({
  /** Clinic settings the queue was made with. */
  settings: z.object({
    fillDays: z.number().int(),
    fillLeadDays: z.number().int(),
    notes: z.array(z.string()),
  }),
  fills: z.array(NextFillSchema),
});
export type QueueDto = z.infer<typeof QueueSchema>;

export const PatientFillsSchema = z.object({
  patientName: z.string(),
  next: NextFillSchema.nullable(),
  dispensed: z.array(DispensedFillSchema),
});
export type PatientFillsDto = z.infer<typeof PatientFillsSchema>;

export const DispenseSchema = z.object({
  fillStart: IsoDateSchema.describe("the first day of the fill being dispensed, as the queue showed it"),
  strengths: z.array(FillStrengthSchema).min(1).max(20).describe("the strengths and quantities shown"),
});
