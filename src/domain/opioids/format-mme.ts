/**
 * MME/day as display text. Rounded to 1 decimal for reading (the exact value stays in
 * the data), with no trailing zero ("45", not "45.0", as ISMP asks of doses: a lost
 * decimal point must not turn 45.0 into 450). Rounding is never allowed to move a value
 * across a threshold: 89.96 shows as "89.96", not "90", because "90" would contradict
 * the flags printed beside it.
 */
import { crosses, MICRO_PER_MME, MME_THRESHOLDS } from "./thresholds.ts";

/**
 * Formats an MME/day value.
 *
 * @example formatMme(37.5) // "37.5"
 * @example formatMme(45.04) // "45"
 * @example formatMme(49.96) // "49.96"
 */
export function formatMme(mmePerDay: number): string {
  const exact = Math.round(mmePerDay * MICRO_PER_MME);
  for (let decimals = 1; decimals < 6; decimals++) {
    const text = roundTo(exact, decimals);
    const shown = Math.round(Number(text) * MICRO_PER_MME);
    if (MME_THRESHOLDS.every((f) => crosses(f, shown) === crosses(f, exact))) return text;
  }
  return roundTo(exact, 6);
}

/** `micro` millionths rounded half-up to `decimals`, without trailing zeros. */
function roundTo(micro: number, decimals: number): string {
  const step = 10 ** (6 - decimals);
  const rounded = Math.round(micro / step);
  const whole = Math.floor(rounded / 10 ** decimals);
  const frac = String(rounded % 10 ** decimals)
    .padStart(decimals, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
