/**
 * Spearman's rank correlation with scipy's p-value (`spearmanr`): the Pearson correlation
 * of average ranks, tested with t = rho sqrt((n - 2) / ((1 + rho)(1 - rho))) on n - 2
 * degrees of freedom. 004 reports BMI vs MED this way (rho 0.028, p 0.87, n 35).
 */
import { mean } from "./moments.ts";
import { averageRanks } from "./ranks.ts";
import { assertPaired, assertSample } from "./sample.ts";
import { tTwoSided } from "./t-distribution.ts";

export interface SpearmanCorrelation {
  /** NaN when either variable is constant (the correlation is not defined). */
  readonly rho: number;
  /** Two-tailed p-value; NaN when rho is NaN or n is 2. */
  readonly p: number;
  readonly n: number;
}

/**
 * Spearman correlation of paired observations.
 *
 * @example
 * spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]); // { rho: 0.82078268166812..., p: 0.08858700531354..., n: 5 }
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanCorrelation {
  assertSample("x", x, 2);
  assertSample("y", y, 2);
  assertPaired("x", x, "y", y);
  const n = x.length;
  if (isConstant(x) || isConstant(y)) return { rho: NaN, p: NaN, n };
  const rho = pearson(averageRanks(x).ranks, averageRanks(y).ranks);
  const df = n - 2;
  // scipy clips a negative ratio (rho a hair beyond +/-1 from rounding) to 0.
  const t = rho * Math.sqrt(Math.max(0, df / ((rho + 1) * (1 - rho))));
  return { rho, p: tTwoSided(t, df), n };
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/**
 * Pearson's r with numpy's `corrcoef` order of operations: covariance divided by each
 * SD in turn, then clipped to [-1, 1]. The order matters at the edge: a perfect rank
 * correlation comes out as 0.9999999999999999 in numpy (sqrt(2.5)^2 is not 2.5), which
 * gives scipy a p-value of about 1e-24 rather than 0; doing the same here keeps the two
 * in agreement instead of disagreeing about rounding noise.
 */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const n1 = x.length - 1;
  const r = sxy / n1 / Math.sqrt(sxx / n1) / Math.sqrt(syy / n1);
  return Math.max(-1, Math.min(1, r));
}
