/**
 * The MME/day thresholds the clinic watches, as data: the two of CDC 2016 and the
 * exclusion of 004. The single source for these numbers; screening reads them here.
 * Comparisons are made on exact integers (millionths of an MME), so 90 is never "90.0000001".
 */
import { CDC_2016, STUDY_004 } from "./sources.ts";

export type ThresholdComparison = "at-or-above" | "above";

export type MmeFlagCode = "cdc-2016-50" | "cdc-2016-90" | "above-004-exclusion";

/** A threshold, and (when returned by `mmeFlags`) a flag the total has raised. */
export interface MmeFlag {
  readonly code: MmeFlagCode;
  readonly threshold: number;
  readonly comparison: ThresholdComparison;
  readonly message: string;
  readonly source: string;
}

export const MME_THRESHOLDS: readonly MmeFlag[] = Object.freeze(
  [
    {
      // CDC 2016: reassess benefits and risks before increasing to >= 50 MME/day
      code: "cdc-2016-50",
      threshold: 50,
      comparison: "at-or-above",
      message: "50 MME/day or more: reassess the evidence of benefits and risks (CDC 2016)",
      source: CDC_2016,
    },
    {
      // CDC 2016: avoid increasing to >= 90 MME/day, or carefully justify it
      code: "cdc-2016-90",
      threshold: 90,
      comparison: "at-or-above",
      message: "90 MME/day or more: CDC 2016 advises avoiding this dosage or carefully justifying it",
      source: CDC_2016,
    },
    {
      // 004, exclusion criteria: "a daily morphine equivalent dose of greater than 90 mg/day"
      code: "above-004-exclusion",
      threshold: 90,
      comparison: "above",
      message:
        "above 90 MME/day: the LDN study excluded patients taking more than 90 mg morphine equivalent a day",
      source: `${STUDY_004}, exclusion criteria`,
    },
  ].map((f) => Object.freeze(f as MmeFlag)),
);

/** Millionths of an MME in one MME: the exact unit of every MME sum. */
export const MICRO_PER_MME = 1_000_000;

/**
 * True when an exact total (millionths of an MME/day) crosses `flag`'s threshold.
 *
 * @example crosses(MME_THRESHOLDS[2], 90_000_000) // false: 004 excluded MORE than 90
 */
export function crosses(flag: MmeFlag, microMme: number): boolean {
  const limit = flag.threshold * MICRO_PER_MME;
  return flag.comparison === "above" ? microMme > limit : microMme >= limit;
}

/**
 * The thresholds an exact daily total raises, in the order of `MME_THRESHOLDS`.
 *
 * @example mmeFlags(90_000_000).map((f) => f.code) // ["cdc-2016-50", "cdc-2016-90"]
 */
export function mmeFlags(microMme: number): readonly MmeFlag[] {
  return MME_THRESHOLDS.filter((f) => crosses(f, microMme));
}
