import { describe, expect, it } from "vitest";
import { fewestCapsules } from "./fewest-capsules.ts";
import { cheapestStrengths, partitions } from "./strength-search.ts";

describe("cheapestStrengths", () => {
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
