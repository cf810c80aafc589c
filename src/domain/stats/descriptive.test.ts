import { describe as group, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { describe } from "./descriptive.ts";

group("describe", () => {
  it("gives n, mean, sample SD, min, max and median", () => {
    expect(describe([3, 1, 2, 10])).toEqual({
      n: 4,
      mean: 4,
      sd: Math.sqrt(50 / 3),
      min: 1,
      max: 10,
      median: 2.5,
    });
  });

  it("takes the middle value as the median of an odd-sized sample", () => {
    expect(describe([9, -1, 4]).median).toBe(4);
  });

  it("has no SD for a single value rather than pretending it is 0", () => {
    expect(describe([4.2]).sd).toBeNaN();
  });

  it("refuses an empty sample and a non-finite value, naming the position", () => {
    expect(() => describe([])).toThrow(DomainError);
    expect(() => describe([1, NaN])).toThrow("values[1]: must be a finite number");
  });
});
