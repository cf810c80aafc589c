/**
 * The cohort page's answer (GET /api/cohort): the domain's CohortAnalysis (src/domain/cohort),
 * said once here for the wire. The route's handler returns the domain's values as they are, so
 * the type checker holds these schemas to the domain's types, and the access walk parses real
 * answers with them.
 */
import { z } from "zod/v4";

const nullableNumber = z.number().nullable();

/** A yes/no item of Table 1: patients with it, out of those with it recorded. */
const CountSchema = z.object({
  n: z.number().int(),
  percent: nullableNumber.describe("n as a percentage of known; null when nobody has it recorded"),
  known: z.number().int().describe("patients with the item recorded"),
});

/** A measured item of Table 1 (age, BMI, MED): n, mean, SD and range; null where n is too small. */
const SummarySchema = z.object({
  n: z.number().int(),
  mean: nullableNumber,
  sd: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
});

const Table1Schema = z.object({
  patients: z.number().int(),
  male: CountSchema,
  female: CountSchema,
  otherSex: CountSchema,
  age: SummarySchema,
  bmi: SummarySchema,
  hypermobile: CountSchema,
  mcad: CountSchema,
  onOpioids: CountSchema,
  hormesis: CountSchema,
  medMg: SummarySchema,
});

const MeanSdSchema = z.object({ mean: nullableNumber, sd: nullableNumber });

const OutcomeSchema = z.object({
  scale: z.string(),
  direction: z.enum(["higher-is-better", "lower-is-better"]),
  n: z.number().int().describe("patients with both a value before and after"),
  pre: MeanSdSchema,
  post: MeanSdSchema,
  improvement: z
    .object({ mean: nullableNumber, ci95: z.tuple([z.number(), z.number()]).nullable() })
    .describe("positive is better, whichever way the scale runs; with its two-sided 95% CI"),
  t: nullableNumber,
  df: nullableNumber,
  pOneTailed: nullableNumber.describe("the paired t-test's one-tailed p"),
  pTwoTailed: nullableNumber,
  wilcoxon: z
    .object({
      statistic: nullableNumber,
      p: nullableNumber,
      pOneTailed: nullableNumber,
      method: z.enum(["exact", "exact-permutation", "normal-approximation"]).nullable(),
    })
    .nullable(),
  dz: nullableNumber,
  notTested: z
    .object({ reason: z.enum(["too-few-pairs", "no-variation"]), text: z.string() })
    .nullable()
    .describe("why the tests, the CI and dz are null; null when they were computed"),
});

const TestSchema = z.object({ t: nullableNumber, df: nullableNumber, p: nullableNumber });

const MedByGroupSchema = z.object({
  hypermobile: SummarySchema,
  others: SummarySchema,
  t: nullableNumber,
  df: nullableNumber,
  p: nullableNumber.describe("Welch's t-test, hypermobile minus others"),
  student: TestSchema,
});

const MedHistogramSchema = z.object({
  binWidthMg: z.number(),
  n: z.number().int().describe("patients with a MED"),
  bins: z.array(z.object({ fromMg: z.number(), toMg: z.number(), count: z.number().int() })),
});

const ProportionSchema = z.object({
  n: z.number().int(),
  of: z.number().int().describe("the patients it is counted over"),
  percent: nullableNumber,
});

/** How the courses went: responder rate, time to MED, drop-outs (src/domain/cohort/course-summary.ts). */
export const CourseSchema = z.object({
  patients: z.number().int(),
  responders: ProportionSchema,
  daysToMed: z
    .object({ n: z.number().int(), median: z.number(), min: z.number(), max: z.number() })
    .nullable(),
  dropOuts: ProportionSchema,
});

/** What every answer has, whatever the filters matched. */
const CommonSchema = z.object({
  protocols: z.array(z.object({ id: z.string(), name: z.string() })).describe("for the page's filter"),
  course: CourseSchema,
});

const AnalysedSchema = CommonSchema.extend({
  patients: z.number().int(),
  rowsLeftOut: z.number().int(),
  problems: z.array(
    z.object({ line: z.number().int(), column: z.string(), value: z.string(), message: z.string() }),
  ),
  ignoredColumns: z.array(z.string()),
  table1: Table1Schema,
  outcomes: z.array(OutcomeSchema),
  medByGroup: MedByGroupSchema,
  bmiVsMed: z.object({ rho: nullableNumber, p: nullableNumber, n: z.number().int() }),
  medHistogram: MedHistogramSchema,
  hormesisCount: z.number().int(),
});

/** No patient on a plan matches the filters: only what the page needs to change them. */
const NoneMatchSchema = CommonSchema.extend({ patients: z.literal(0) });

export const CohortSchema = z.union([AnalysedSchema, NoneMatchSchema]);
export type CohortDto = z.infer<typeof CohortSchema>;
export type CourseDto = z.infer<typeof CourseSchema>;
