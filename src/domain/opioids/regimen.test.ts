import { describe, expect, it } from "vitest";
import { exactRegimen } from "./regimen.ts";

describe("exactRegimen", () => {
  it("holds an amount as whole thousandths of its unit, with no binary rounding", () => {
    expect(
      exactRegimen({ drug: "oxycodone", amount: 7.5, unit: "mg", dosesPerDay: 2 }).amountThousandths,
    ).toBe(7500);
    expect(
      exactRegimen({ drug: "oxycodone", amount: 0.1, unit: "mg", dosesPerDay: 1 }).amountThousandths,
    ).toBe(100);
    expect(exactRegimen({ drug: "fentanyl", amount: 37.5, unit: "mcg/hr" })).toMatchObject({
      amountThousandths: 37500,
      doseCount: 1,
    });
  });

  it("refuses more than 3 decimals", () => {
    expect(() => exactRegimen({ drug: "oxycodone", amount: 2.0005, unit: "mg", dosesPerDay: 1 })).toThrow(
      "oxycodone amount: at most 3 decimals in mg (got 2.0005)",
    );
  });

  it("refuses a zero, negative or absurd amount", () => {
    for (const amount of [0, -5, Number.NaN, 100_001]) {
      expect(() => exactRegimen({ drug: "morphine", amount, unit: "mg", dosesPerDay: 1 })).toThrow(
        /morphine amount: must be more than 0 and at most 100000 mg/,
      );
    }
  });

  it("requires a whole number of doses a day from 1 to 24 for an amount in mg", () => {
    expect(() => exactRegimen({ drug: "morphine", amount: 10, unit: "mg" })).toThrow(
      "morphine doses a day: must be a whole number from 1 to 24 (got null)",
    );
    for (const dosesPerDay of [0, 1.5, 25]) {
      expect(() => exactRegimen({ drug: "morphine", amount: 10, unit: "mg", dosesPerDay })).toThrow(
        /from 1 to 24/,
      );
    }
    expect(exactRegimen({ drug: "morphine", amount: 10, unit: "mg", dosesPerDay: 24 }).doseCount).toBe(24);
  });

  it("refuses doses a day for a patch, which delivers continuously", () => {
    expect(() => exactRegimen({ drug: "fentanyl", amount: 25, unit: "mcg/hr", dosesPerDay: 2 })).toThrow(
      /a patch delivers continuously/,
    );
  });
});
