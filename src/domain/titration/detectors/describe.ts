/** How detectors write the numbers they compared, so a clinician can check each reason. */
import { formatDose } from "../../dose.ts";

/**
 * "0.7 mg (pain 3.0, 2 days)".
 *
 * @example level(700, 3, 2) // "0.7 mg (pain 3.0, 2 days)"
 */
export function level(ug: number, meanPain: number, n: number): string {
  return `${formatDose(ug)} (pain ${meanPain.toFixed(1)}, ${n} day${n === 1 ? "" : "s"})`;
}

/** A pain value to one decimal. */
export function pain(value: number): string {
  return value.toFixed(1);
}

/**
 * A level's pain against baseline, in words a clinician reads without sign arithmetic
 * (pain is better when lower).
 *
 * @example againstBaseline(5.5, 6.7) // "1.2 below baseline 6.7 (better)"
 * @example againstBaseline(7.5, 6.7) // "0.8 above baseline 6.7 (worse)"
 */
export function againstBaseline(levelMean: number, baselineMean: number): string {
  const difference = pain(Math.abs(baselineMean - levelMean));
  if (difference === pain(0)) return `level with baseline ${pain(baselineMean)}`;
  return levelMean < baselineMean
    ? `${difference} below baseline ${pain(baselineMean)} (better)`
    : `${difference} above baseline ${pain(baselineMean)} (worse)`;
}

/**
 * "1 standard error", "0.25 standard errors".
 *
 * @example standardErrors(1) // "1 standard error"
 */
export function standardErrors(z: number): string {
  return `${z} standard error${z === 1 ? "" : "s"}`;
}
