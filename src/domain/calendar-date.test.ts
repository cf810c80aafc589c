import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, nextDay, type IsoDate } from "./calendar-date.ts";

describe("the next day by string arithmetic", () => {
  it("agrees with the calendar (addDays) on every day of 400 years, leap years included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 146_096 }), (n) => {
        const date = addDays("1900-01-01" as IsoDate, n);
        expect(nextDay(date)).toBe(addDays(date, 1));
      }),
      { numRuns: 5000 },
    );
  });

  it("crosses month and year ends and the leap days", () => {
    expect(nextDay("2027-02-28" as IsoDate)).toBe("2027-03-01");
    expect(nextDay("2028-02-28" as IsoDate)).toBe("2028-02-29");
    expect(nextDay("2100-02-28" as IsoDate)).toBe("2100-03-01");
    expect(nextDay("2000-02-28" as IsoDate)).toBe("2000-02-29");
    expect(nextDay("2027-12-31" as IsoDate)).toBe("2028-01-01");
    expect(nextDay("2027-04-30" as IsoDate)).toBe("2027-05-01");
  });
});
