import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fewestCapsules } from "./fewest-capsules.ts";
import {
  cheapestStrengths,
  costOfStrengths,
  partitions,
  type SearchCosts,
  type StepAmount,
} from "./strength-search.ts";

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

  it("finds strengths that are not dose amounts when they save a fee (1.5 and 3.5 steps make 3, 5 and 7)", () => {
    // Doses 3, 5, 7 steps: no two of them make all three, but 1.5 + 3.5 (here 3 and 7 in half steps) do.
    const amounts = [6, 10, 14].map((units) => ({ units, count: 2 }));
    const found = cheapestStrengths(amounts, {
      maxCapsulesPerDose: 2,
      feePerStrength: 1000,
      pricePerCapsule: 10,
    });
    expect(found.strengths).toEqual([3, 7]);
  });

  it("keeps the simple plan when a second capsule costs more than a strength's fee", () => {
    const amounts = [1, 2].map((units) => ({ units, count: 28 }));
    const found = cheapestStrengths(amounts, {
      maxCapsulesPerDose: 2,
      feePerStrength: 1500,
      pricePerCapsule: 100,
    });
    expect(found.strengths).toEqual([1, 2]);
  });

  it("uses one strength twice when the fee outweighs the extra capsules", () => {
    const amounts = [1, 2].map((units) => ({ units, count: 14 }));
    const found = cheapestStrengths(amounts, {
      maxCapsulesPerDose: 2,
      feePerStrength: 1500,
      pricePerCapsule: 100,
    });
    expect(found).toMatchObject({ strengths: [1], capsules: 42, cost: 1500 + 4200 });
  });
});

describe("partitions", () => {
  it("lists every way to write n as at most k parts, largest first, once each", () => {
    expect([...partitions(4, 2)]).toEqual([[4], [3, 1], [2, 2]]);
    expect([...partitions(5, 3)]).toEqual([[5], [4, 1], [3, 2], [3, 1, 1], [2, 2, 1]]);
    expect([...partitions(3, 1)]).toEqual([[3]]);
  });
});

describe("fewestCapsules", () => {
  it("makes a dose from the fewest capsules, larger capsules first", () => {
    expect(fewestCapsules(3, [1, 2], 2)).toEqual([2, 1]);
    expect(fewestCapsules(4, [1, 2], 2)).toEqual([2, 2]);
  });

  it("says null when the dose needs more capsules than allowed, or cannot be made", () => {
    expect(fewestCapsules(5, [1, 2], 2)).toBeNull();
    expect(fewestCapsules(3, [2], 4)).toBeNull();
  });
});
