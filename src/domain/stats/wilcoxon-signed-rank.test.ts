import { describe, expect, it } from "vitest";
import { wilcoxonSignedRank, wilcoxonSignedRankOfDifferences } from "./wilcoxon-signed-rank.ts";

describe("wilcoxonSignedRank", () => {
  it("uses the exact distribution for a small sample without ties or zeros", () => {
    const r = wilcoxonSignedRankOfDifferences([1, 2, 3, 4, 5]);
    expect(r.method).toBe("exact");
    expect(r.wPlus).toBe(15);
    expect(r.statistic).toBe(0);
    expect(r.pGreater).toBe(1 / 32);
    expect(r.pTwoTailed).toBe(2 / 32);
  });

  it("drops zero differences and enumerates sign flips when there are zeros", () => {
    const r = wilcoxonSignedRank([6, 7, 5, 8, 9], [4, 6, 5, 5, 4]);
    expect(r.zeros).toBe(1);
    expect(r.n).toBe(4);
    expect(r.method).toBe("exact-permutation");
    expect(r.wPlus).toBe(10);
    expect(r.pGreater).toBe(1 / 16);
  });

  it("switches to the tie-corrected normal approximation above 13 values with ties", () => {
    const differences = [1, 1, 2, 2, 3, -1, 4, 5, 6, 7, 8, 9, 10, 11];
    const r = wilcoxonSignedRankOfDifferences(differences);
    expect(r.method).toBe("normal-approximation");
    // Ranks of |d|: the three 1s share rank 2, the two 2s share 4.5; W+ = 105 - 2.
    expect(r.wPlus).toBe(103);
    const variance = (14 * 15 * 29) / 24 - (3 ** 3 - 3 + (2 ** 3 - 2)) / 48;
    expect(r.z).toBeCloseTo((103 - 52.5) / Math.sqrt(variance), 14);
  });

  it("uses the normal approximation above 50 values even without ties", () => {
    const r = wilcoxonSignedRankOfDifferences(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(r.method).toBe("normal-approximation");
  });

  it("finds no evidence either way when every difference is zero", () => {
    const r = wilcoxonSignedRankOfDifferences([0, 0, 0]);
    expect(r.n).toBe(0);
    expect(r.pTwoTailed).toBe(1);
  });
});
