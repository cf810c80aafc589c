import { describe, expect, it } from "vitest";
import { cents, divideCents, formatMoney, parseMoney } from "./money.ts";

describe("money", () => {
  it("parses prices to whole cents and refuses fractions of a cent or negatives", () => {
    expect(parseMoney("15")).toBe(1500);
    expect(parseMoney("$0.75")).toBe(75);
    expect(parseMoney("0.5")).toBe(50);
    expect(() => parseMoney("0.755", "--price-per-capsule")).toThrow(/--price-per-capsule/);
    expect(() => parseMoney("-1")).toThrow(/not an amount/);
  });

  it("formats cents and divides half up to the cent", () => {
    expect(formatMoney(cents(642))).toBe("$6.42");
    expect(formatMoney(cents(5))).toBe("$0.05");
    expect(divideCents(cents(15100), 28)).toBe(539); // 539.28...
    expect(divideCents(cents(3), 2)).toBe(2); // 1.5 rounds up
  });
});
