import { describe, expect, it } from "vitest";
import { averageRanks } from "./ranks.ts";

describe("averageRanks", () => {
  it("gives tied values the mean of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual({ ranks: [2, 3.5, 3.5, 1], tieGroups: [1, 1, 2] });
  });

  it("ranks negative numbers below positive ones", () => {
    expect(averageRanks([0, -3, 2]).ranks).toEqual([2, 1, 3]);
  });

  it("gives every value of a constant sample the middle rank", () => {
    expect(averageRanks([7, 7, 7])).toEqual({ ranks: [2, 2, 2], tieGroups: [3] });
  });
});
