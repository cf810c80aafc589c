import { describe, expect, it } from "vitest";
import { studentTTest, welchTTest } from "./unpaired-t-test.ts";

describe("unpaired t-tests", () => {
  const x = [1, 2, 3, 4];
  const y = [2, 4, 6, 8, 10];

  it("gives Welch's test the Welch-Satterthwaite degrees of freedom", () => {
    // Variances 5/3 and 10; (5/12 + 2)^2 / ((5/12)^2 / 3 + 2^2 / 4).
    const r = welchTTest(x, y);
    expect(r.method).toBe("welch");
    expect(r.df).toBeCloseTo((5 / 12 + 2) ** 2 / ((5 / 12) ** 2 / 3 + 1), 13);
    expect(r.estimate).toBe(-3.5);
  });

  it("gives Student's test n1 + n2 - 2 degrees of freedom and a pooled SE", () => {
    const r = studentTTest(x, y);
    expect(r.df).toBe(7);
    expect(r.standardError).toBeCloseTo(Math.sqrt((((3 * 5) / 3 + 4 * 10) / 7) * (1 / 4 + 1 / 5)), 14);
  });

  it("gives a smaller p than Welch's when the smaller group has the larger variance", () => {
    // The shape of 004's MED subgroups (n 11, SD 1.99 vs n 30, SD 1.5): Student ~0.18, Welch 0.25.
    const small = [1, 5, 9, 2];
    const large = [4, 5, 5, 6, 6, 7, 5, 6, 4, 5];
    expect(studentTTest(small, large).pTwoTailed).toBeLessThan(welchTTest(small, large).pTwoTailed);
  });

  it("accepts a single value in one group for Student's test but not Welch's", () => {
    expect(studentTTest([3], [1, 2, 4]).df).toBe(2);
    expect(() => welchTTest([3], [1, 2, 4])).toThrow("x: needs at least 2 values");
  });

  it("leaves t and p undefined (NaN) when both groups are the same constant", () => {
    const r = welchTTest([2, 2], [2, 2, 2]);
    expect(r.t).toBeNaN();
    expect(r.pTwoTailed).toBeNaN();
  });
});
