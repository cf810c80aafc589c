/**
 * The liquid alternative to capsules: one concentration, each dose drawn up in an oral
 * syringe. A dose is only offered if its volume is a whole number of the syringe's
 * steps; otherwise the plan is refused, naming the dose and the volume it would need.
 */
import { formatDose, type Micrograms } from "../dose.ts";
import { invalidArgument, limitExceeded } from "../errors.ts";
import { CLINIC_SETTING } from "../protocols/define.ts";
import { doseAmounts, fillPeriod, type FillDay, type FillPeriod } from "./fill-day.ts";
import { formatConcentration, formatVolume, type Microlitres } from "./liquid-units.ts";

/** What a clinic may set for the liquid; defaults are labelled clinic settings. */
export interface LiquidSettingOverrides {
  readonly concentrationUgPerMl?: number;
  readonly syringeStepUl?: number;
}

export interface LiquidSettings {
  readonly concentrationUgPerMl: number;
  readonly syringeStepUl: Microlitres;
}

/**
 * Defaults, each a clinic setting: 1 mg/mL is a common compounded LDN strength and
 * makes every 0.1 mg step of 004 a 0.1 mL step; 0.1 mL is the finest marking of a
 * common 1 mL oral syringe.
 */
export const LIQUID_DEFAULTS = Object.freeze({
  concentrationUgPerMl: 1000,
  syringeStepUl: 100 as Microlitres,
});

export const LIQUID_SETTING_NOTES = Object.freeze({
  concentrationUgPerMl: `${CLINIC_SETTING}: the strength the pharmacy compounds the liquid at`,
  syringeStepUl: `${CLINIC_SETTING}: the finest marking of the oral syringe the patient uses`,
});

/** One dose amount as a volume, and how often it is taken. */
export interface LiquidDose {
  readonly ug: Micrograms;
  readonly count: number;
  readonly volumeUl: Microlitres;
}

export interface LiquidPlan {
  readonly form: "liquid";
  readonly period: FillPeriod;
  readonly settings: LiquidSettings;
  readonly doses: readonly LiquidDose[];
  readonly totalUg: Micrograms;
  readonly totalVolumeUl: Microlitres;
}

/**
 * The liquid plan for a fill: the volume of each dose and the total volume.
 * Refuses a concentration at which some dose is not a whole number of syringe steps.
 *
 * @example planLiquid(days, { concentrationUgPerMl: 1000, syringeStepUl: 100 }).doses[0]
 * // { ug: 100, count: 14, volumeUl: 100 } (0.1 mg is 0.1 mL)
 */
export function planLiquid(days: readonly FillDay[], overrides: LiquidSettingOverrides = {}): LiquidPlan {
  const period = fillPeriod(days);
  const amounts = doseAmounts(days);
  const settings = resolveLiquidSettings(overrides);
  const { concentrationUgPerMl: conc, syringeStepUl: step } = settings;
  const doses = amounts.map((a) => {
    // Volume in microlitres = ug * 1000 / (ug per mL); checked in integers so that a
    // dose between two syringe marks is never rounded silently to one of them.
    const exact = (a.ug * 1000) % conc === 0 && ((a.ug * 1000) / conc) % step === 0;
    if (!exact) {
      const best = largestMeasurableConcentration(
        amounts.map((x) => x.ug),
        step,
      );
      const hint = best
        ? `the most concentrated liquid that measures every dose of this fill is ${formatConcentration(best)}`
        : `no concentration in whole mcg per mL measures every dose of this fill with that syringe`;
      throw limitExceeded(
        `at ${formatConcentration(conc)} the dose ${formatDose(a.ug)} is ${describeVolume(a.ug, conc)}, ` +
          `which a syringe marked every ${formatVolume(step)} cannot measure; ${hint}`,
        { field: "concentration", value: conc, doseUg: a.ug },
      );
    }
    return { ug: a.ug, count: a.count, volumeUl: ((a.ug * 1000) / conc) as Microlitres };
  });
  return {
    form: "liquid",
    period,
    settings,
    doses,
    totalUg: doses.reduce((s, d) => s + d.ug * d.count, 0) as Micrograms,
    totalVolumeUl: doses.reduce((s, d) => s + d.volumeUl * d.count, 0) as Microlitres,
  };
}

/**
 * The largest concentration (whole mcg per mL) at which every dose is a whole number of
 * syringe steps, or `null` if there is none. The volume of dose d at c mcg/mL is
 * 1000*d/c microlitres; it is a multiple of the step s for every d exactly when c*s
 * divides G = 1000 * gcd(doses), so the largest c is G/s, and none exists unless s divides G.
 *
 * @example largestMeasurableConcentration([1, 2], 100) // 10 (10 mcg/mL: 1 mcg is 0.1 mL)
 */
export function largestMeasurableConcentration(doses: readonly number[], stepUl: number): number | null {
  const g = doses.reduce((a, b) => gcd(a, b), 0) * 1000;
  return g % stepUl === 0 ? g / stepUl : null;
}

/** "0.15 mL", or "about 0.333 mL" when the volume is not a whole number of microlitres. */
function describeVolume(ug: number, conc: number): string {
  const ul = (ug * 1000) / conc;
  if (Number.isInteger(ul)) return formatVolume(ul);
  return Math.round(ul) === 0 ? "less than 0.001 mL" : `about ${formatVolume(Math.round(ul))}`;
}

function resolveLiquidSettings(overrides: LiquidSettingOverrides): LiquidSettings {
  const concentrationUgPerMl = overrides.concentrationUgPerMl ?? LIQUID_DEFAULTS.concentrationUgPerMl;
  const syringeStepUl = overrides.syringeStepUl ?? LIQUID_DEFAULTS.syringeStepUl;
  if (!Number.isSafeInteger(concentrationUgPerMl) || concentrationUgPerMl < 1) {
    throw invalidArgument(
      "concentration",
      concentrationUgPerMl,
      "must be a whole number of mcg per mL, at least 1",
    );
  }
  if (!Number.isSafeInteger(syringeStepUl) || syringeStepUl < 1) {
    throw invalidArgument("syringeStep", syringeStepUl, "must be a whole number of microlitres, at least 1");
  }
  return { concentrationUgPerMl, syringeStepUl: syringeStepUl as Microlitres };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
