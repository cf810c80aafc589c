/**
 * The clinic settings of a capsule plan. None of these numbers is a published fact:
 * each is what a clinic (and its compounding pharmacy) configures, and every output
 * labels them so. The defaults are there so a plan can be shown at all.
 */
import { formatDose, micrograms, type Micrograms } from "../dose.ts";
import { invalidArgument, refused } from "../errors.ts";
import { CLINIC_SETTING } from "../protocols/define.ts";
import type { DoseAmount } from "./fill-day.ts";
import { cents, formatMoney, type Cents } from "./money.ts";

/** What a clinic may set; anything left out takes the labelled default. */
export interface CapsuleSettingOverrides {
  readonly maxCapsulesPerDose?: number;
  readonly feePerStrengthCents?: number;
  readonly pricePerCapsuleCents?: number;
  readonly strengthStepUg?: number;
}

/** Settings after defaults are applied and checked against the fill's doses. */
export interface CapsuleSettings {
  readonly maxCapsulesPerDose: number;
  readonly feePerStrengthCents: Cents;
  readonly pricePerCapsuleCents: Cents;
  readonly strengthStepUg: Micrograms;
  /** True when the strength step was derived from the doses rather than set by the clinic. */
  readonly strengthStepIsDerived: boolean;
}

/**
 * Defaults, each a clinic setting. The issue asks for "a small number of capsules"
 * per dose with 2 as the default. The two prices are chosen so that a 30-day fill of
 * one strength once a day costs $1.50 a day, inside the "$1-2 a day" that 000 and 003
 * quote for compounded LDN; a clinic enters its own pharmacy's prices.
 */
export const CAPSULE_DEFAULTS = Object.freeze({
  maxCapsulesPerDose: 2,
  feePerStrengthCents: cents(1500),
  pricePerCapsuleCents: cents(100),
});

/**
 * More capsules per dose than this is a burden no plan should ask of a patient taking
 * up to 4 doses a day; it also keeps the exact search small.
 */
export const MAX_CAPSULES_PER_DOSE_LIMIT = 4;

/** One line per setting, each labelled a clinic setting, for tables and documents. */
export const CAPSULE_SETTING_NOTES = Object.freeze({
  maxCapsulesPerDose: `${CLINIC_SETTING}: the most capsules a patient takes for one dose`,
  feePerStrengthCents: `${CLINIC_SETTING}: the pharmacy's fee for each strength it compounds in a fill`,
  pricePerCapsuleCents: `${CLINIC_SETTING}: the pharmacy's price per capsule`,
  strengthStepUg: `${CLINIC_SETTING}: strengths are whole multiples of this; by default the largest step that makes every dose of the fill`,
});

/**
 * Applies defaults and checks a clinic's capsule settings against the fill's doses.
 * The strength step defaults to the greatest common divisor of the dose amounts, so
 * every dose amount is itself a strength the pharmacy can make.
 *
 * @example resolveCapsuleSettings({}, [{ ug: 100, count: 4 }, { ug: 300, count: 2 }])
 * // { maxCapsulesPerDose: 2, feePerStrengthCents: 1500, pricePerCapsuleCents: 100, strengthStepUg: 100, ... }
 */
export function resolveCapsuleSettings(
  overrides: CapsuleSettingOverrides,
  amounts: readonly DoseAmount[],
): CapsuleSettings {
  const maxCapsulesPerDose = overrides.maxCapsulesPerDose ?? CAPSULE_DEFAULTS.maxCapsulesPerDose;
  if (
    !Number.isSafeInteger(maxCapsulesPerDose) ||
    maxCapsulesPerDose < 1 ||
    maxCapsulesPerDose > MAX_CAPSULES_PER_DOSE_LIMIT
  ) {
    throw invalidArgument(
      "maxCapsulesPerDose",
      maxCapsulesPerDose,
      `must be a whole number from 1 to ${MAX_CAPSULES_PER_DOSE_LIMIT}`,
    );
  }
  const derivedStep = amounts.reduce((g, a) => gcd(g, a.ug), 0);
  const step = micrograms(overrides.strengthStepUg ?? derivedStep, "strengthStep");
  if (step === 0) throw invalidArgument("strengthStep", step, "must be at least 1 mcg");
  const unmakeable = amounts.find((a) => a.ug % step !== 0);
  if (unmakeable) {
    throw refused(
      `strengthStep: the dose ${formatDose(unmakeable.ug)} is not a whole number of ${formatDose(step)} steps, ` +
        `so no capsules in ${formatDose(step)} steps add up to it`,
      { field: "strengthStep", value: step },
    );
  }
  return {
    maxCapsulesPerDose,
    feePerStrengthCents: cents(
      overrides.feePerStrengthCents ?? CAPSULE_DEFAULTS.feePerStrengthCents,
      "feePerStrength",
    ),
    pricePerCapsuleCents: cents(
      overrides.pricePerCapsuleCents ?? CAPSULE_DEFAULTS.pricePerCapsuleCents,
      "pricePerCapsule",
    ),
    strengthStepUg: step,
    strengthStepIsDerived: overrides.strengthStepUg === undefined,
  };
}

/**
 * The settings as labelled lines, e.g. "fee per strength made: $15.00 (clinic setting, ...)".
 *
 * @example describeCapsuleSettings(settings)[0] // "at most 2 capsules per dose (clinic setting, ...)"
 */
export function describeCapsuleSettings(settings: CapsuleSettings): string[] {
  return [
    `at most ${settings.maxCapsulesPerDose} capsule${settings.maxCapsulesPerDose === 1 ? "" : "s"} per dose (${CAPSULE_SETTING_NOTES.maxCapsulesPerDose})`,
    `fee per strength made: ${formatMoney(settings.feePerStrengthCents)} (${CAPSULE_SETTING_NOTES.feePerStrengthCents})`,
    `price per capsule: ${formatMoney(settings.pricePerCapsuleCents)} (${CAPSULE_SETTING_NOTES.pricePerCapsuleCents})`,
    `strength step: ${formatDose(settings.strengthStepUg)}${settings.strengthStepIsDerived ? ", derived from the doses" : ""} (${CAPSULE_SETTING_NOTES.strengthStepUg})`,
  ];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
