/**
 * The strength search against brute force over every subset of strengths: a large property run
 * (300 fills by default, LDN_FC_RUNS to change it), so it runs with the slow files, not in the
 * unit loop.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cheapestStrengths, costOfStrengths, type SearchCosts, type StepAmount } from "./strength-search.ts";

/** fc.tuple over a list of arbitraries, without spreading the list into a call. */
function tupleOf<T>(arbs: readonly fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  return arbs.reduce<fc.Arbitrary<T[]>>(
    (acc, arb) => fc.tuple(acc, arb).map(([xs, x]) => [...xs, x]),
    fc.constant([]),
  );
}

/** Every subset of 1..maxUnit, scored exactly: the answer the search must match. */
function bruteForce(amounts: readonly StepAmount[], costs: SearchCosts) {
  const maxUnit = amounts.reduce((m, a) => Math.max(m, a.units), 0);
  let best: { cost: number; capsules: number; size: number } | null = null;
  for (let mask = 1; mask < 1 << maxUnit; mask++) {
    const strengths = [...Array(maxUnit).keys()].filter((i) => mask & (1 << i)).map((i) => i + 1);
    const scored = costOfStrengths(amounts, strengths, costs);
    if (!scored) continue;
    // An unused strength adds a fee; costOfStrengths counts it, as it should.
    const key = { cost: scored.cost, capsules: scored.capsules, size: strengths.length };
    if (
      !best ||
      key.cost < best.cost ||
      (key.cost === best.cost &&
        (key.capsules < best.capsules || (key.capsules === best.capsules && key.size < best.size)))
    )
      best = key;
  }
  return best!;
}

const instance = fc.record({
  amounts: fc
    .uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 6 })
    .chain((units) =>
      tupleOf(units.map((u) => fc.integer({ min: 1, max: 40 }).map((count) => ({ units: u, count })))),
    ),
  costs: fc.record({
    maxCapsulesPerDose: fc.integer({ min: 1, max: 3 }),
    feePerStrength: fc.integer({ min: 0, max: 5000 }),
    pricePerCapsule: fc.integer({ min: 0, max: 300 }),
  }),
});

describe("cheapestStrengths", () => {
  it("matches brute force over every subset of strengths on random small fills", () => {
    fc.assert(
      fc.property(instance, ({ amounts, costs }) => {
        const found = cheapestStrengths(amounts, costs);
        const best = bruteForce(amounts, costs);
        expect({ cost: found.cost, capsules: found.capsules, size: found.strengths.length }).toEqual(best);
        // And the set it returns really makes every dose within the limit at that cost.
        expect(costOfStrengths(amounts, found.strengths, costs)).toEqual({
          cost: found.cost,
          capsules: found.capsules,
        });
      }),
      { numRuns: Number(process.env.LDN_FC_RUNS ?? 300) },
    );
  });
});
