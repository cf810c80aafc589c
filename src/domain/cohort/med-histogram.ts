/**
 * The MED histogram (004 shows one: MEDs from 0.1 to 5.6 mg/day, most at 2 mg or
 * less). Bins are half a milligram wide and closed on the right, (0, 0.5], (0.5, 1], ...,
 * so "2 mg or less" is exactly the first four bins. Binning is done in whole micrograms
 * so that 0.5 mg falls in (0, 0.5] and not, by binary rounding, in the next bin.
 */
import type { CohortPatient } from "./cohort.ts";

/** Half a milligram: the 0.1 mg steps of micro-titration, five to a bin. */
export const BIN_WIDTH_MCG = 500;

export interface HistogramBin {
  readonly fromMg: number;
  readonly toMg: number;
  readonly count: number;
}

export interface MedHistogram {
  readonly binWidthMg: number;
  /** Patients with a MED. */
  readonly n: number;
  /** From (0, 0.5] up to the bin holding the largest MED; empty bins included. */
  readonly bins: readonly HistogramBin[];
}

/**
 * @example
 * medHistogram(patients).bins[0]; // { fromMg: 0, toMg: 0.5, count: 5 }
 */
export function medHistogram(patients: readonly CohortPatient[]): MedHistogram {
  const mcg = patients.filter((p) => p.medMg !== null).map((p) => Math.round(p.medMg! * 1000));
  const binOf = (m: number) => Math.max(0, Math.ceil(m / BIN_WIDTH_MCG) - 1);
  const counts = new Array<number>(mcg.length === 0 ? 0 : Math.max(...mcg.map(binOf)) + 1).fill(0);
  for (const m of mcg) counts[binOf(m)]!++;
  return {
    binWidthMg: BIN_WIDTH_MCG / 1000,
    n: mcg.length,
    bins: counts.map((count, i) => ({
      fromMg: (i * BIN_WIDTH_MCG) / 1000,
      toMg: ((i + 1) * BIN_WIDTH_MCG) / 1000,
      count,
    })),
  };
}
