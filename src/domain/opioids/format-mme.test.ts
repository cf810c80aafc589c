import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMme } from "./format-mme.ts";

describe("formatMme", () => {
  it("rounds to one decimal and drops a trailing zero", () => {
    expect(formatMme(45)).toBe("45");
    expect(formatMme(37.5)).toBe("37.5");
    expect(formatMme(4.5)).toBe("4.5");
    expect(formatMme(0.15)).toBe("0.2");
    expect(formatMme(45.04)).toBe("45");
    expect(formatMme(12.34)).toBe("12.3");
    expect(formatMme(0)).toBe("0");
  });

  it("shows 49.9, 50, 90 and 90.1 as themselves", () => {
    expect([49.9, 50, 90, 90.1].map(formatMme)).toEqual(["49.9", "50", "90", "90.1"]);
  });

  it("never lets rounding carry a value across a threshold", () => {
    expect(formatMme(49.96)).toBe("49.96");
    expect(formatMme(89.96)).toBe("89.96");
    expect(formatMme(90.04)).toBe("90.04");
    expect(formatMme(89.999999)).toBe("89.999999");
    expect(formatMme(90.000001)).toBe("90.000001");
  });

  it("keeps every shown value on the same side of 50 and 90 as the exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000_000 }), (micro) => {
        const exact = micro / 1_000_000;
        const shown = Number(formatMme(exact));
        expect(shown >= 50).toBe(exact >= 50);
        expect(shown >= 90).toBe(exact >= 90);
        expect(shown > 90).toBe(exact > 90);
        expect(Math.abs(shown - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
