/**
 * How the engine runs each protocol of the catalogue. The protocol definitions stay as
 * they are (frozen data with limits and a regimen); this file says which way of deciding
 * each one follows, read from the protocol's own regimen and settings.
 */
import type { Micrograms } from "../dose.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../protocols/protocol.ts";
import { MICRO_ADJUST_DAYS_PER_STEP, TOLERABILITY_REDUCTION_UG } from "./thresholds.ts";

/**
 * - ascending: raise by a step every few days, watch for the window, settle the MED
 *   (micro-titration, 004; conventional titration, 001; the 0.75 mg steps of Bruun-Plesner 2020).
 * - fixed: hold one dose for an assessment period; reduce for tolerability (003, 000).
 * - fixed-then-adjust: a fixed dose, then 0.1 mg steps above and below it (004, Conclusions).
 * - continuous: ULDN alongside opioids, continued while opioids continue (000, 002).
 */
export type ProtocolRules =
  | {
      readonly kind: "ascending";
      readonly startUg: number;
      readonly stepUg: number;
      readonly daysPerLevel: number;
      readonly maxUg: number;
    }
  | {
      readonly kind: "fixed";
      readonly doseUg: number;
      readonly assessmentDays: number;
      readonly reductionUg: number;
      readonly floorUg: number;
    }
  | {
      readonly kind: "fixed-then-adjust";
      readonly doseUg: number;
      readonly assessmentDays: number;
      readonly stepUg: number;
      readonly daysPerStep: number;
      readonly minUg: number;
      readonly maxUg: number;
    }
  | { readonly kind: "continuous"; readonly doseUg: number };

/**
 * @example rulesFor(microTitration, resolveSettings(microTitration)) // { kind: "ascending", startUg: 100, stepUg: 100, daysPerLevel: 2, maxUg: 6000 }
 */
export function rulesFor(protocol: ProtocolDefinition, settings: ResolvedSettings): ProtocolRules {
  const regimen = protocol.regimen(settings);
  if (protocol.withOpioids) return { kind: "continuous", doseUg: regimen.startUg };
  if (protocol.id === "fixed-then-micro-adjust") {
    return {
      kind: "fixed-then-adjust",
      doseUg: regimen.startUg,
      assessmentDays: regimen.defaultDays, // the protocol's assessmentDays setting
      stepUg: protocol.limits.maxStepUg, // 004: micro-adjustments of 0.1 mg
      daysPerStep: MICRO_ADJUST_DAYS_PER_STEP,
      minUg: regimen.granularityUg,
      maxUg: protocol.limits.maxPerDayUg,
    };
  }
  if (regimen.stepUg === 0) {
    const doseSetting = protocol.settings.find((s) => s.kind === "dose");
    return {
      kind: "fixed",
      doseUg: regimen.startUg,
      assessmentDays: regimen.defaultDays, // 003: judge after 2-4 weeks (28 days)
      reductionUg: TOLERABILITY_REDUCTION_UG,
      floorUg: doseSetting?.kind === "dose" ? doseSetting.minUg : (regimen.startUg as Micrograms),
    };
  }
  return {
    kind: "ascending",
    startUg: regimen.startUg,
    stepUg: regimen.stepUg,
    daysPerLevel: regimen.daysPerLevel,
    maxUg: regimen.plateauUg,
  };
}
