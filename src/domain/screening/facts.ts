/**
 * The facts screening rules read, derived once from a checked input: the MME of the
 * opioids that have a factor, the opioids that have none, and the risk factors (those
 * the clinician recorded, plus "potent full agonist" when the opioid list names one).
 */
import { invalidArgument } from "../errors.ts";
import { calculateMme, type MmeResult } from "../opioids/mme.ts";
import { exactRegimen, type OpioidRegimen } from "../opioids/regimen.ts";
import { resolveOpioid } from "../opioids/resolve-opioid.ts";
import type { MmeFlagCode } from "../opioids/thresholds.ts";
import { getOihRiskFactor } from "./risk-factors.ts";
import { PREGNANCY_STATUSES, type RiskFactorFinding, type ScreeningInput } from "./types.ts";

export interface ScreeningFacts {
  readonly input: ScreeningInput;
  readonly mme: MmeResult | null;
  readonly mmeFlags: ReadonlySet<MmeFlagCode>;
  /** Every opioid listed, convertible or not. */
  readonly activeOpioids: readonly OpioidRegimen[];
  readonly withoutFactor: readonly OpioidRegimen[];
  readonly riskFactors: readonly RiskFactorFinding[];
}

// Input checks, not clinical limits: they catch typing slips only.
const MAX_AGE_YEARS = 130;
const MAX_PAIN_MONTHS = 1200;

/**
 * Checks the input and derives the facts.
 *
 * @example deriveFacts({ ageYears: 45, painMonths: 24, pregnancy: "no", opioids: [], mustStayOnOpioids: false, riskFactors: [] }).mme // null
 */
export function deriveFacts(input: ScreeningInput): ScreeningFacts {
  checkWhole("age", input.ageYears, MAX_AGE_YEARS, "years");
  checkWhole("pain duration", input.painMonths, MAX_PAIN_MONTHS, "months");
  if (!PREGNANCY_STATUSES.includes(input.pregnancy)) {
    throw invalidArgument("pregnancy", input.pregnancy, `must be one of ${PREGNANCY_STATUSES.join(", ")}`);
  }
  input.opioids.forEach(exactRegimen);
  const withoutFactor = input.opioids.filter((o) => resolveOpioid(o.drug).factor === null);
  const convertible = input.opioids.filter((o) => resolveOpioid(o.drug).factor !== null);
  const mme = convertible.length > 0 ? calculateMme(convertible) : null;
  return {
    input,
    mme,
    mmeFlags: new Set(mme?.flags.map((f) => f.code) ?? []),
    activeOpioids: input.opioids,
    withoutFactor,
    riskFactors: riskFactors(input),
  };
}

function checkWhole(field: string, value: number, max: number, unit: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw invalidArgument(field, value, `must be a whole number of ${unit} from 0 to ${max}`);
  }
}

function riskFactors(input: ScreeningInput): RiskFactorFinding[] {
  const recorded = new Set(input.riskFactors.map((id) => getOihRiskFactor(id).id));
  const findings: RiskFactorFinding[] = [...recorded].map((id) => ({
    ...getOihRiskFactor(id),
    recordedFrom: "clinician",
  }));
  const namedAgonist = input.opioids.some((o) => resolveOpioid(o.drug).namedPotentFullAgonist);
  if (namedAgonist && !recorded.has("potent-full-agonist")) {
    findings.push({ ...getOihRiskFactor("potent-full-agonist"), recordedFrom: "opioids" });
  }
  return findings;
}
