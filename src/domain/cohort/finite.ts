/**
 * The analysis reports `null` where a statistic is not defined (too few patients, no
 * variation), instead of NaN or Infinity, which JSON cannot carry and a reader could
 * mistake for a number.
 */

/**
 * `value` if it is a finite number, otherwise null.
 *
 * @example finiteOrNull(0.25); // 0.25
 * @example finiteOrNull(NaN); // null
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * The non-null values of `values`.
 *
 * @example present([1, null, 3]); // [1, 3]
 */
export function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((v): v is T => v !== null);
}
