/**
 * Input checks shared by every statistic: a sample is a list of finite numbers (an array
 * or a typed array), long enough for the statistic asked of it. Failing loudly here is why the tests below never
 * have to guess what a NaN in the input meant.
 */
import { invalidArgument } from "../errors.ts";

/**
 * Throws `invalid_argument` unless `values` holds at least `minimum` finite numbers.
 *
 * @example
 * assertSample("pre", [1, 2, 3], 2); // passes
 * assertSample("pre", [1], 2); // throws: pre: needs at least 2 values (got [1])
 */
export function assertSample(name: string, values: ArrayLike<number>, minimum: number): void {
  if (values.length < minimum) {
    throw invalidArgument(
      name,
      Array.from(values),
      `needs at least ${minimum} value${minimum === 1 ? "" : "s"}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw invalidArgument(`${name}[${i}]`, v, "must be a finite number");
  }
}

/**
 * Throws `invalid_argument` unless two paired samples have the same length.
 *
 * @example assertPaired("pre", [1, 2], "post", [3, 4]); // passes
 */
export function assertPaired(xName: string, x: ArrayLike<number>, yName: string, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw invalidArgument(yName, y.length, `must have as many values as ${xName} (${x.length})`);
  }
}
