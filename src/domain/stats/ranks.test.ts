import { describe, expect, it } from "vitest";
import { averageRanks } from "./ranks.ts";

describe("averageRanks", () => {
  it("gives tied values the mean of the ranks they span", () => {
    const { ranks, tieGroups } = averageRanks([10, 20, 20, 5]);
    expect([...ranks]).toEqual([2, 3.5, 3.5, 1]);
    expect(tieGroups).toEqual([1, 1, 2]);
  });

  it("ranks negative numbers below positive ones", () => {
    expect([...averageRanks([0, -3, 2]).ranks]).toEqual([2, 1, 3]);
  });

  it("gives every value of a constant sample the middle rank", () => {
    const { ranks, tieGroups } = averageRanks([7, 7, 7]);
    expect([...ranks]).toEqual([2, 2, 2]);
    expect(tieGroups).toEqual([3]);
  });

  it("ranks a typed array without changing it, and agrees with ranking by a sort of indices", () => {
    const values = Float64Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 101) / 4 - 10);
    const before = Float64Array.from(values);
    const { ranks, tieGroups } = averageRanks(values);
    expect(values).toEqual(before);
    const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
    const expected = new Float64Array(values.length);
    for (let start = 0; start < order.length;) {
      let end = start + 1;
      while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
      for (let k = start; k < end; k++) expected[order[k]!] = (start + 1 + end) / 2;
      start = end;
    }
    expect(ranks).toEqual(expected);
    expect(tieGroups.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(tieGroups).toHaveLength(101);
  });
});
