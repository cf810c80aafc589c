/**
 * Parsers for `ldn simulate --judge`'s numeric options: each names the option and its range
 * in a one-line error (exit 2) when the text is not a number in range.
 */
import { invalidArgument } from "../../domain/errors.ts";

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A decimal number from `min` to `max` (below `max` when `maxExclusive`).
 *
 * @example parseDecimalIn("--noise-sd", 0, 10)("1.5") // 1.5
 */
export function parseDecimalIn(option: string, min: number, max: number, maxExclusive = false) {
  return (text: string): number => {
    const n = Number(text);
    const inRange = n >= min && (maxExclusive ? n < max : n <= max);
    if (!DECIMAL.test(text) || !inRange) {
      const upTo = maxExclusive ? `up to (not including) ${max}` : `to ${max}`;
      throw invalidArgument(option, text, `must be a number from ${min} ${upTo}`);
    }
    return n;
  };
}

/**
 * A whole number from `min` to `max` (0 allowed, unlike `parsePositiveInt`).
 *
 * @example parseWholeIn("--baseline-days", 0, 28)("3") // 3
 */
export function parseWholeIn(option: string, min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) {
      throw invalidArgument(option, text, `must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
