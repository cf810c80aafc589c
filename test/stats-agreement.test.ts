/**
 * Every statistic and p-value of src/domain/stats against scipy's, from the committed
 * fixtures (scripts/make-stats-fixtures.py made them; no Python needed here).
 */
import { describe, expect, it } from "vitest";
import { compareWithScipy, MAX_RELATIVE_ERROR, summarize } from "../scripts/stats-agreement.ts";

describe("agreement with scipy", () => {
  const agreement = compareWithScipy();

  it("compares at least two thousand values across every statistic", () => {
    expect(agreement.comparisons.length).toBeGreaterThanOrEqual(2000);
    const fixtures = new Set(agreement.comparisons.map((c) => c.fixture));
    expect([...fixtures].sort()).toEqual([
      "descriptive",
      "paired-t-test",
      "running-moments",
      "spearman",
      "student-t-test",
      "student-t-test from running moments",
      "welch-t-test",
      "welch-t-test from running moments",
      "wilcoxon-signed-rank",
    ]);
  });

  it("checks the signed-rank test and Spearman at registry scale, thousands of tied values", () => {
    const large = agreement.comparisons.filter((c) => c.caseName.startsWith("registry scale, n=5000"));
    expect(new Set(large.map((c) => c.fixture))).toEqual(new Set(["wilcoxon-signed-rank", "spearman"]));
    expect(large.every((c) => c.error <= MAX_RELATIVE_ERROR)).toBe(true);
  });

  it("agrees with scipy to 1e-9 relative error on every statistic and p-value", () => {
    console.log(summarize(agreement));
    const above = agreement.comparisons
      .filter((c) => !(c.error <= MAX_RELATIVE_ERROR))
      .map(
        (c) =>
          `${c.fixture}: ${c.caseName}: ${c.field}: scipy ${String(c.expected)}, ours ${String(c.actual)}`,
      );
    expect(above).toEqual([]);
  });

  it("uses the same signed-rank method as scipy's 'auto' in every case, all three of them", () => {
    const methods = agreement.comparisons.filter(
      (c) => c.fixture === "wilcoxon-signed-rank" && c.field === "method",
    );
    expect(methods.every((c) => c.error === 0)).toBe(true);
    expect(new Set(methods.map((c) => c.expected))).toEqual(
      new Set(["exact", "exact-permutation", "normal-approximation"]),
    );
  });
});
