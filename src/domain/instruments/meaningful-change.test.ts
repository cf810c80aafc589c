import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { assessChange } from "./meaningful-change.ts";
import { thrown } from "./thrown.testing.ts";

describe("meaningful change", () => {
  it("counts a 2-point fall in pain as meaningful and a 1.9-point fall from a high baseline as not", () => {
    expect(assessChange("pain-nrs", 8, 6)).toMatchObject({
      improvement: 2,
      direction: "better",
      meaningful: true,
    });
    expect(assessChange("pain-nrs", 8, 6.1).meaningful).toBe(false);
  });

  it("counts a 30% fall in pain as meaningful even when it is under 2 points", () => {
    const result = assessChange("pain-nrs", 5, 3.5);
    expect(result.percentImprovement).toBeCloseTo(30, 12);
    expect(result.meaningful).toBe(true);
    expect(assessChange("pain-nrs", 5, 3.6).meaningful).toBe(false);
  });

  it("treats a BPI severity change that is 2 points only up to floating point as 2 points", () => {
    expect(assessChange("bpi-severity", 5.1, 3.1).meaningful).toBe(true);
  });

  it("counts a 2-point rise in pain as a meaningful worsening but not a 30% rise under 2 points", () => {
    expect(assessChange("pain-nrs", 4, 6)).toMatchObject({ direction: "worse", meaningful: true });
    expect(assessChange("pain-nrs", 3, 4).meaningful).toBe(false);
  });

  it("names Farrar 2001 as the pain threshold's source and says it is not a clinic setting", () => {
    expect(assessChange("pain-nrs", 6, 5).threshold).toMatchObject({
      points: 2,
      percent: 30,
      clinicSetting: false,
      source: expect.stringContaining("Farrar"),
    });
  });

  it("counts 1 point on BPI interference as meaningful and 0.9 as not", () => {
    expect(assessChange("bpi-interference", 6, 5).meaningful).toBe(true);
    expect(assessChange("bpi-interference", 6, 5.1).meaningful).toBe(false);
  });

  it("uses 5 T points for PROMIS by default and labels it a clinic setting", () => {
    const result = assessChange("promis-t", 40, 44.9);
    expect(result).toMatchObject({
      improvement: expect.closeTo(4.9, 12),
      direction: "better",
      meaningful: false,
    });
    expect(result.threshold).toMatchObject({ points: 5, clinicSetting: true });
    expect(result.threshold.description).toBe("5 T points (clinic setting within 2-6, default)");
    expect(assessChange("promis-t", 40, 45).meaningful).toBe(true);
  });

  it("uses a clinic's chosen PROMIS threshold within 2-6", () => {
    expect(assessChange("promis-t", 38.8, 42.2, { promisTPoints: 3 }).meaningful).toBe(true);
    expect(assessChange("promis-t", 42, 40, { promisTPoints: 2 })).toMatchObject({
      direction: "worse",
      meaningful: true,
    });
  });

  it("refuses a PROMIS threshold outside the reference's 2-6 range", () => {
    expect(thrown(() => assessChange("promis-t", 40, 45, { promisTPoints: 1.5 })).message).toBe(
      "promisTPoints: must be within the reference's 2-6 T points (got 1.5)",
    );
    expect(() => assessChange("promis-t", 40, 45, { promisTPoints: 6.5 })).toThrow(DomainError);
  });

  it("refuses a pain score outside 0-10", () => {
    expect(thrown(() => assessChange("pain-nrs", 11, 3)).message).toBe(
      "pre: must be a pain-nrs score from 0 to 10 (got 11)",
    );
  });

  it("reports no change as unchanged and not meaningful", () => {
    expect(assessChange("bpi-interference", 4, 4)).toMatchObject({
      direction: "unchanged",
      meaningful: false,
    });
  });
});
