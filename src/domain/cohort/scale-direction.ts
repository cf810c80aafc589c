/**
 * Which way each outcome scale improves. The issue fixes two families: BPI scores
 * (`bpi_`) are pain and interference, better when lower; PROMIS scores (`promis_`) are
 * T-scores of health, better when higher. Any other scale must be named with
 * --higher-is-better or --lower-is-better: guessing a direction would silently flip
 * the sign of a result.
 */
import { invalidArgument } from "../errors.ts";
import type { Direction, Scale } from "./cohort.ts";

export interface DirectionOptions {
  readonly higherIsBetter?: readonly string[];
  readonly lowerIsBetter?: readonly string[];
}

/**
 * The direction of `name`: an option given for it wins over its prefix (a clinic may
 * keep, say, `bpi_relief`, the BPI's percent relief, where higher is better).
 *
 * @example scaleDirection("bpi_pain", {}); // { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" }
 * @example scaleDirection("sleep", { higherIsBetter: ["sleep"] }).direction; // "higher-is-better"
 */
export function scaleDirection(name: string, options: DirectionOptions): Scale {
  const higher = options.higherIsBetter?.includes(name) ?? false;
  const lower = options.lowerIsBetter?.includes(name) ?? false;
  if (higher && lower) {
    throw invalidArgument("--higher-is-better", name, "is also given to --lower-is-better");
  }
  if (higher || lower)
    return { name, direction: higher ? "higher-is-better" : "lower-is-better", directionFrom: "option" };
  const byPrefix = prefixDirection(name);
  if (byPrefix) return { name, direction: byPrefix, directionFrom: "prefix" };
  throw invalidArgument(
    "scale",
    name,
    `has no known direction: pass --higher-is-better ${name} or --lower-is-better ${name}`,
  );
}

function prefixDirection(name: string): Direction | null {
  if (name.startsWith("bpi_")) return "lower-is-better";
  if (name.startsWith("promis_")) return "higher-is-better";
  return null;
}

/**
 * Throws if an option names a scale the file does not have (most likely a typo).
 *
 * @example assertScalesExist(["bpi_pain"], { higherIsBetter: ["sleep"] }); // throws
 */
export function assertScalesExist(names: readonly string[], options: DirectionOptions): void {
  for (const [flag, list] of [
    ["--higher-is-better", options.higherIsBetter],
    ["--lower-is-better", options.lowerIsBetter],
  ] as const) {
    for (const name of list ?? []) {
      if (!names.includes(name)) {
        throw invalidArgument(flag, name, `no columns ${name}_pre and ${name}_post in the file`);
      }
    }
  }
}
