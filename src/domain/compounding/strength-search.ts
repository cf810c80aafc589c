/**
 * The exact search for the cheapest set of capsule strengths.
 *
 * The problem: dose amounts u_1 < ... < u_m (in strength steps), taken c_1 ... c_m times
 * in the fill. Choose a set S of strengths (whole steps) so every u_j is a sum of at most
 * K capsules from S, minimising F*|S| + P*(capsules in the fill), where F is the fee per
 * strength made and P the price per capsule. For a fixed S each dose simply uses its
 * fewest capsules (the cost is a sum over doses), so the search is over S.
 *
 * Why the search below is exact (it returns a set no other set of strengths beats):
 *
 * 1. Canonical paths. Take any optimal S* in which every strength is used (an unused one
 *    only adds a fee). Walk the amounts in order; at amount j pick a fewest-capsule
 *    recipe for u_j under S*, preferring one that uses only strengths already introduced.
 *    Each strength is "introduced" by the first amount whose recipe uses it. The search
 *    branches on every recipe of every amount (every multiset of at most K positive parts
 *    summing to u_j), so this path is among its branches, and it ends at a set
 *    S' within S* whose exact cost is no more than S*'s.
 * 2. Dominated recipes. At amount j, a recipe that adds new strengths but uses at least
 *    as many capsules as the best recipe from strengths already chosen is skipped. The
 *    canonical path never takes such a recipe: if the old strengths make u_j in n0
 *    capsules, S* makes it in n* <= n0, and when n* = n0 the path takes the old-strength
 *    recipe.
 * 3. A lower bound that never overestimates. At a node with strengths S_j and the
 *    capsules committed so far, each remaining amount needs at least one capsule; an
 *    amount not in S_j either becomes a new strength of its own (one fee each, and one new
 *    strength can be that for only one amount) or takes at least 2 capsules; and if some
 *    remaining amount cannot be made from S_j at all, at least one new strength is
 *    needed. The bound takes the cheapest split between those two ways. A node is cut
 *    only when this bound is strictly worse than the best plan found, so the canonical
 *    path of an optimum is never cut.
 *
 * Every leaf is scored by its exact cost (fewest capsules per amount under the final S),
 * and the best key (cost, then capsules, then number of strengths) is kept. Tests check
 * the result against brute force over every subset of strengths on random fills.
 */
import { limitExceeded } from "../errors.ts";
import { fewestCapsules } from "./fewest-capsules.ts";

/** One distinct dose amount in strength steps, and how often it is taken in the fill. */
export interface StepAmount {
  readonly units: number;
  readonly count: number;
}

export interface SearchCosts {
  readonly maxCapsulesPerDose: number;
  readonly feePerStrength: number;
  readonly pricePerCapsule: number;
}

/** The best strength set (in steps, ascending), its exact cost and how much was searched. */
export interface SearchResult {
  readonly strengths: readonly number[];
  readonly cost: number;
  readonly capsules: number;
  /** Search nodes visited: shows how small the instance was. */
  readonly nodes: number;
}

/**
 * Far beyond any real fill (a 28-day micro-titration fill takes a few hundred nodes);
 * the guard turns a pathological request (a 1 mcg strength step under milligram doses)
 * into a clear error instead of a hang.
 */
export const SEARCH_NODE_BUDGET = 2_000_000;

/**
 * The exact cost of a strength set: fees plus the fewest capsules for every dose, or
 * `null` when some dose cannot be made in at most K capsules.
 *
 * @example costOfStrengths([{ units: 1, count: 4 }, { units: 3, count: 2 }], [1, 2], costs)
 * // { cost: 2F + 8P, capsules: 8 }
 */
export function costOfStrengths(
  amounts: readonly StepAmount[],
  strengths: readonly number[],
  costs: SearchCosts,
): { cost: number; capsules: number } | null {
  let capsules = 0;
  for (const a of amounts) {
    const recipe = fewestCapsules(a.units, strengths, costs.maxCapsulesPerDose);
    if (!recipe) return null;
    capsules += recipe.length * a.count;
  }
  return {
    cost: costs.feePerStrength * new Set(strengths).size + costs.pricePerCapsule * capsules,
    capsules,
  };
}

/**
 * Finds the cheapest set of strengths for the amounts by exact branch and bound (see the
 * file comment for why it is exact). Amounts must be distinct and positive.
 *
 * @example cheapestStrengths([{ units: 1, count: 14 }, { units: 2, count: 14 }], { maxCapsulesPerDose: 2, feePerStrength: 1500, pricePerCapsule: 100 })
 * // { strengths: [1], cost: 1500 + 42 * 100, capsules: 42, nodes: ... }
 */
export function cheapestStrengths(amounts: readonly StepAmount[], costs: SearchCosts): SearchResult {
  const sorted = [...amounts].sort((a, b) => a.units - b.units);
  const { maxCapsulesPerDose: K, feePerStrength: F, pricePerCapsule: P } = costs;
  // The simple plan (one strength per amount, one capsule per dose) is always feasible.
  const simple = sorted.map((a) => a.units);
  const simpleCost = costOfStrengths(sorted, simple, costs)!;
  let best: { strengths: readonly number[]; cost: number; capsules: number } = {
    strengths: simple,
    ...simpleCost,
  };
  let nodes = 0;
  const suffixCount = sorted.map((_, j) => sorted.slice(j).reduce((n, a) => n + a.count, 0));

  const better = (cost: number, capsules: number, strengths: readonly number[]): boolean => {
    if (cost !== best.cost) return cost < best.cost;
    if (capsules !== best.capsules) return capsules < best.capsules;
    if (strengths.length !== best.strengths.length) return strengths.length < best.strengths.length;
    // Full ties: the lexicographically larger set (fewer tiny strengths) for a stable answer.
    for (let i = 0; i < strengths.length; i++) {
      if (strengths[i] !== best.strengths[i]) return strengths[i]! > best.strengths[i]!;
    }
    return false;
  };

  const lowerBound = (j: number, chosen: readonly number[], capsules: number): number => {
    const have = new Set(chosen);
    const extra: number[] = [];
    let needsNew = false;
    for (let k = j; k < sorted.length; k++) {
      const a = sorted[k]!;
      if (have.has(a.units)) continue;
      extra.push(P * a.count); // the price of a second capsule for every dose of it
      if (!needsNew && fewestCapsules(a.units, chosen, K) === null) needsNew = true;
    }
    extra.sort((x, y) => x - y);
    // t new single-capsule strengths spare the t most expensive amounts their 2nd capsule.
    // (needsNew implies some amount lies outside S, so t = 1 is always available then.)
    let cheapest = Infinity;
    let multi = extra.reduce((s, x) => s + x, 0);
    for (let t = 0; t <= extra.length; t++) {
      if (t > 0) multi -= extra[extra.length - t]!;
      if (t === 0 && needsNew) continue;
      cheapest = Math.min(cheapest, F * t + multi);
    }
    return F * chosen.length + P * (capsules + suffixCount[j]!) + cheapest;
  };

  const visit = (j: number, chosen: readonly number[], capsules: number): void => {
    if (++nodes > SEARCH_NODE_BUDGET) {
      throw limitExceeded(
        `the capsule plan search passed ${SEARCH_NODE_BUDGET} steps; set a coarser strength step or fewer capsules per dose`,
        { field: "strengthStep" },
      );
    }
    if (j === sorted.length) {
      const exact = costOfStrengths(sorted, chosen, costs)!;
      if (better(exact.cost, exact.capsules, chosen)) best = { strengths: chosen, ...exact };
      return;
    }
    const lb = lowerBound(j, chosen, capsules);
    if (lb > best.cost || (lb === best.cost && capsules + suffixCount[j]! > best.capsules)) return;

    const amount = sorted[j]!;
    const have = new Set(chosen);
    const fromOld = fewestCapsules(amount.units, chosen, K);
    const options: { parts: number[]; fresh: number[] }[] = [];
    if (fromOld) options.push({ parts: fromOld, fresh: [] });
    for (const parts of partitions(amount.units, K)) {
      const fresh = [...new Set(parts.filter((p) => !have.has(p)))];
      if (fresh.length === 0) continue; // old-strength recipes: only the fewest-capsule one matters
      if (fromOld && parts.length >= fromOld.length) continue; // dominated (point 2 above)
      options.push({ parts, fresh });
    }
    // Cheap options first, so a good plan is found early and cuts more of the tree.
    options.sort((a, b) => a.fresh.length - b.fresh.length || a.parts.length - b.parts.length);
    for (const { parts, fresh } of options) {
      const next = fresh.length ? [...chosen, ...fresh].sort((x, y) => x - y) : chosen;
      visit(j + 1, next, capsules + parts.length * amount.count);
    }
  };

  visit(0, [], 0);
  return { strengths: best.strengths, cost: best.cost, capsules: best.capsules, nodes };
}

/**
 * Every way to write `n` as a sum of at most `k` positive whole parts, largest first.
 *
 * @example [...partitions(4, 2)] // [[4], [3, 1], [2, 2]]
 */
export function* partitions(n: number, k: number, largest = n): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  if (k === 0) return;
  for (let first = Math.min(n, largest); first >= 1; first--) {
    // The rest must fit in k-1 parts no larger than `first`.
    if (first * k < n) break;
    for (const rest of partitions(n - first, k - 1, first)) yield [first, ...rest];
  }
}
