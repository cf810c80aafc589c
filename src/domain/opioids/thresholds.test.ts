import { describe, expect, it } from "vitest";
import { MME_THRESHOLDS, mmeFlags } from "./thresholds.ts";

const codes = (mme: number) => mmeFlags(Math.round(mme * 1_000_000)).map((f) => f.code);

describe("MME thresholds", () => {
  it("raises nothing at 49.9 MME/day", () => {
    expect(codes(49.9)).toEqual([]);
  });

  it("raises the CDC 2016 50 MME/day flag at exactly 50", () => {
    expect(codes(50)).toEqual(["cdc-2016-50"]);
  });

  it("raises nothing new just below 90", () => {
    expect(codes(89.999999)).toEqual(["cdc-2016-50"]);
  });

  it("raises the CDC 2016 90 MME/day flag at exactly 90, but not the 004 exclusion (more than 90)", () => {
    expect(codes(90)).toEqual(["cdc-2016-50", "cdc-2016-90"]);
  });

  it("raises the 004 exclusion above 90, even by a millionth", () => {
    expect(codes(90.1)).toEqual(["cdc-2016-50", "cdc-2016-90", "above-004-exclusion"]);
    expect(codes(90.000001)).toContain("above-004-exclusion");
  });

  it("names a source for every threshold", () => {
    expect(MME_THRESHOLDS.map((t) => t.source)).toEqual([
      expect.stringContaining("CDC 2016"),
      expect.stringContaining("CDC 2016"),
      expect.stringContaining("004"),
    ]);
  });
});
