/**
 * 004's correlation result: BMI vs MED by Spearman's rank correlation (rho 0.028,
 * p 0.87, n 35 in the paper), over the patients with both recorded. Rank correlation
 * because MEDs are skewed (most at 2 mg or less, a few up to 5.6 mg).
 */
import { spearman } from "../stats/spearman.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";

export interface BmiVsMed {
  readonly rho: number | null;
  readonly p: number | null;
  readonly n: number;
}

/**
 * @example bmiVsMed(patients); // { rho: 0.028..., p: 0.87..., n: 35 }
 */
export function bmiVsMed(patients: readonly CohortPatient[]): BmiVsMed {
  const both = patients.filter((p) => p.bmi !== null && p.medMg !== null);
  if (both.length < 2) return { rho: null, p: null, n: both.length };
  const r = spearman(
    both.map((p) => p.bmi!),
    both.map((p) => p.medMg!),
  );
  return { rho: finiteOrNull(r.rho), p: finiteOrNull(r.p), n: r.n };
}
