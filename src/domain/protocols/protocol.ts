/**
 * What a protocol is: frozen, versioned data saying where it comes from, its hard
 * limits, its settings (each marked as published or as a clinic setting), and the
 * regimen its settings produce. One schedule builder (`schedule.ts`) turns any
 * protocol into days; nothing else knows a protocol's internals.
 */
import type { DoseUnit, Micrograms } from "../dose.ts";

/** Where a number comes from: a source document, or the clinic (not a published fact). */
export type Provenance = "source" | "clinic-setting";

/** A source document in `shared/seeds` (by its number) or a reference cited there. */
export interface SourceRef {
  /** Seed document number, e.g. "004". */
  readonly doc: string;
  /** Human citation, e.g. "Marcus et al., J Pain Res 2024". */
  readonly citation: string;
}

/**
 * Hard limits no schedule or later adjustment may exceed. Each says where it comes
 * from; a limit the sources do not set is a clinic setting and says so.
 */
export interface ProtocolLimits {
  readonly maxPerDoseUg: Micrograms;
  readonly maxPerDayUg: Micrograms;
  /** Largest change of the daily total from one day to the next. */
  readonly maxStepUg: Micrograms;
  readonly maxDosesPerDay: number;
  readonly why: Readonly<Record<"maxPerDoseUg" | "maxPerDayUg" | "maxStepUg" | "maxDosesPerDay", string>>;
}

interface SettingBase {
  readonly key: string;
  readonly label: string;
  readonly provenance: Provenance;
  /** Why this default: the source's words, or "clinic setting: ..." */
  readonly note: string;
}

/** A dose setting (a start dose, a step); bounded and in the protocol's dose unit. */
export interface DoseSetting extends SettingBase {
  readonly kind: "dose";
  readonly defaultUg: Micrograms;
  readonly minUg: Micrograms;
  readonly maxUg: Micrograms;
}

/** A whole-number setting (days per step, assessment period). */
export interface IntegerSetting extends SettingBase {
  readonly kind: "integer";
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: "days" | "doses";
}

/** The clock times of the day's doses ("08:00"). Always a clinic setting. */
export interface TimesSetting extends SettingBase {
  readonly kind: "times";
  readonly default: readonly string[];
}

export type SettingDefinition = DoseSetting | IntegerSetting | TimesSetting;

/** Settings after defaults and a clinic's overrides are applied and checked. */
export interface ResolvedSettings {
  readonly doses: Readonly<Record<string, Micrograms>>;
  readonly integers: Readonly<Record<string, number>>;
  readonly times: readonly string[];
}

/**
 * The daily-total plan a protocol's settings produce: start at `startUg`, add `stepUg`
 * every `daysPerLevel` days until `plateauUg`, then hold. A fixed dose is a plan with
 * no step. The day's total is split into at most `times.length` doses of whole
 * `granularityUg` units by the rule of 004 (see `split-doses.ts`).
 */
export interface Regimen {
  readonly startUg: Micrograms;
  readonly stepUg: Micrograms;
  readonly daysPerLevel: number;
  readonly plateauUg: Micrograms;
  readonly granularityUg: Micrograms;
  /** Default schedule length in days when the clinician gives none. */
  readonly defaultDays: number;
  /**
   * The last day the protocol schedules when no decision has been reached (004 stops the
   * titration at 6 mg on day 120); schedules, documents and fills end there. Protocols that
   * continue at their plateau leave it out.
   */
  readonly lastDay?: number;
}

export interface ProtocolDefinition {
  /** Stable identifier used on the command line, in JSON and in stored plans. */
  readonly id: string;
  /** Bumped whenever anything below changes; recommendations record `id@version`. */
  readonly version: number;
  readonly name: string;
  readonly source: SourceRef;
  /** One-paragraph rule, in the source's terms. */
  readonly rule: string;
  /** The unit doses are written and shown in; "mcg" protocols refuse doses written in mg. */
  readonly unit: DoseUnit;
  /** True for ultra-low-dose protocols meant to run alongside opioids. */
  readonly withOpioids: boolean;
  readonly limits: ProtocolLimits;
  readonly settings: readonly SettingDefinition[];
  /** Notes a clinician must see: conflicts in the sources, cautions. */
  readonly notes: readonly string[];
  readonly regimen: (settings: ResolvedSettings) => Regimen;
}
