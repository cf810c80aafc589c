import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDose, formatMg, LABEL_MAX_UG, micrograms, parseDose, parseDoseWithUnit } from "./dose.ts";
import { DomainError } from "./errors.ts";

describe("parseDose", () => {
  it.each([
    ["0.1 mg", 100],
    ["100 mcg", 100],
    ["1.5mg", 1500],
    ["2 mcg", 2],
    ["2 \u00b5g", 2],
    ["2 \u03bcg", 2],
    ["4.5 MG", 4500],
    ["1.000 mg", 1000],
    ["0.001 mg", 1],
    ["50 mg", 50_000],
    ["0 mg", 0],
    ["  3 milligrams ", 3000],
  ])("reads %s as %i micrograms", (text, ug) => {
    expect(parseDose(text)).toBe(ug);
  });

  it("remembers the unit the dose was written in", () => {
    expect(parseDoseWithUnit("0.001 mg").unit).toBe("mg");
    expect(parseDoseWithUnit("1 mcg").unit).toBe("mcg");
  });

  it.each([
    ["0.5", /unit is required/],
    ["-1 mg", /negative/],
    [".5 mg", /leading zero/],
    ["1. mg", /followed by digits/],
    ["1,5 mg", /decimal point, not a comma/],
    ["0.0001 mg", /more precise than a microgram/],
    ["2.5 mcg", /micrograms must be whole/],
    ["1 g", /grams are never/],
    ["1 mL", /unknown unit/],
    ["", /required/],
    ["mg", /not a dose/],
    ["51 mg", /label maximum/],
    ["1.5 mg/day", /unknown unit/],
  ])("refuses %j with a message that says why", (text, why) => {
    expect(() => parseDose(text, "dose")).toThrow(why);
    try {
      parseDose(text, "start");
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("invalid_dose");
      expect((e as DomainError).message).toMatch(/^start: /);
    }
  });
});

describe("formatDose", () => {
  it.each([
    [100, "0.1 mg"],
    [500, "0.5 mg"],
    [1000, "1 mg"],
    [1500, "1.5 mg"],
    [1250, "1.25 mg"],
    [4500, "4.5 mg"],
    [6000, "6 mg"],
    [2, "2 mcg"],
    [99, "99 mcg"],
    [0, "0 mcg"],
  ])("shows %i micrograms as %s", (ug, text) => {
    expect(formatDose(micrograms(ug))).toBe(text);
  });

  it("can be forced to a unit", () => {
    expect(formatDose(micrograms(1), "mg")).toBe("0.001 mg");
    expect(formatDose(micrograms(1500), "mcg")).toBe("1500 mcg");
  });
});

describe("micrograms", () => {
  it.each([-1, 0.5, Number.NaN, Infinity])("refuses %s", (n) => {
    expect(() => micrograms(n)).toThrow(DomainError);
  });
});

const ISMP_MG = /^(0|[1-9]\d*)(\.\d*[1-9])? mg$/; // leading zero, no trailing zero, space
const ISMP_MCG = /^(0|[1-9]\d*) mcg$/;

describe("ISMP display properties", () => {
  const anyDose = fc.integer({ min: 0, max: LABEL_MAX_UG });

  it("never breaks the ISMP rules and never prints ug or a micro sign", () => {
    fc.assert(
      fc.property(
        anyDose,
        fc.constantFrom("auto", "mg", "mcg") as fc.Arbitrary<"auto" | "mg" | "mcg">,
        (ug, unit) => {
          const text = formatDose(micrograms(ug), unit);
          expect(ISMP_MG.test(text) || ISMP_MCG.test(text)).toBe(true);
          expect(text).not.toMatch(/ug|\u00b5|\u03bc|^\./);
        },
      ),
    );
  });

  it("round-trips: parse(format(x)) === x in every unit", () => {
    fc.assert(
      fc.property(
        anyDose,
        fc.constantFrom("auto", "mg", "mcg") as fc.Arbitrary<"auto" | "mg" | "mcg">,
        (ug, unit) => {
          expect(parseDose(formatDose(micrograms(ug), unit))).toBe(ug);
        },
      ),
    );
  });

  it("round-trips: format(parse(text)) reads back the same amount for any valid mg text", () => {
    const mgText = fc
      .tuple(
        fc.integer({ min: 0, max: 49 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([w, f, pad]) => `${w}.${String(f).padStart(3, "0")}${"0".repeat(pad)} mg`);
    fc.assert(
      fc.property(mgText, (text) => {
        const ug = parseDose(text);
        expect(parseDose(formatDose(ug, "mg"))).toBe(ug);
        expect(formatMg(ug)).not.toMatch(/\.\d*0$/);
      }),
    );
  });
});
