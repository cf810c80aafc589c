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
 * The histogram, one patient at a time: a count per bin, nothing per patient.
 *
 * @example
 * const h = new MedHistogramAccumulator();
 * for (const p of patients) h.add(p);
 * h.result().bins[0]; // { fromMg: 0, toMg: 0.5, count: 5 }
 */
export class MedHistogramAccumulator {
  private readonly counts: number[] = [];
  private n = 0;

  add(p: CohortPatient): void {
    if (p.medMg === null) return;
    // Whole micrograms, so 0.5 mg is 500 and lands in (0, 0.5], not past it by rounding.
    const bin = Math.max(0, Math.ceil(Math.round(p.medMg * 1000) / BIN_WIDTH_MCG) - 1);
    // Grows to the bin holding the largest MED, empty bins included (a loop, not
    // Math.max(...all MEDs), which overflowed the stack on a million rows: issue 14).
    while (this.counts.length <= bin) this.counts.push(0);
    this.counts[bin]! += 1;
    this.n += 1;
  }

  result(): MedHistogram {
    return {
      binWidthMg: BIN_WIDTH_MCG / 1000,
      n: this.n,
      bins: this.counts.map((count, i) => ({
        fromMg: (i * BIN_WIDTH_MCG) / 1000,
        toMg: ((i + 1) * BIN_WIDTH_MCG) / 1000,
        count,
      })),
    };
  }
}

/**
 * @example
 * medHistogram(patients).bins[0]; // { fromMg: 0, toMg: 0.5, count: 5 }
 */
export function medHistogram(patients: readonly CohortPatient[]): MedHistogram {
  const h = new MedHistogramAccumulator();
  for (const p of patients) h.add(p);
  return h.result();
}
