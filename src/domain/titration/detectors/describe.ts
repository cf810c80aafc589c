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
