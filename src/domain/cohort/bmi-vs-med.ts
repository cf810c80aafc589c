/**
 * 004's correlation result: BMI vs MED by Spearman's rank correlation (rho 0.028,
 * p 0.87, n 35 in the paper), over the patients with both recorded. Rank correlation
 * because MEDs are skewed (most at 2 mg or less, a few up to 5.6 mg). Ranks need every
 * value, so the two columns are held, as 8-byte numbers (FloatColumn).
 */
import { spearman } from "../stats/spearman.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";
import { FloatColumn } from "./float-column.ts";

export interface BmiVsMed {
  readonly rho: number | null;
  readonly p: number | null;
  readonly n: number;
}

/**
 * BMI vs MED, one patient at a time.
 *
 * @example
 * const b = new BmiVsMedAccumulator();
 * for (const p of patients) b.add(p);
 * b.result(); // { rho: 0.028..., p: 0.87..., n: 35 }
 */
export class BmiVsMedAccumulator {
  private readonly bmi = new FloatColumn();
  private readonly medMg = new FloatColumn();

  add(p: CohortPatient): void {
    if (p.bmi === null || p.medMg === null) return;
    this.bmi.push(p.bmi);
    this.medMg.push(p.medMg);
  }

  result(): BmiVsMed {
    const n = this.bmi.length;
    if (n < 2) return { rho: null, p: null, n };
    const r = spearman(this.bmi.values(), this.medMg.values());
    return { rho: finiteOrNull(r.rho), p: finiteOrNull(r.p), n: r.n };
  }
}

/**
 * @example bmiVsMed(patients); // { rho: 0.028..., p: 0.87..., n: 35 }
 */
export function bmiVsMed(patients: readonly CohortPatient[]): BmiVsMed {
  const b = new BmiVsMedAccumulator();
  for (const p of patients) b.add(p);
  return b.result();
}
