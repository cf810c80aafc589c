/** When the dashboard line keeper looks next: every few minutes, and just past midnight. */
import { describe, expect, it } from "vitest";
import { nextLookMs } from "./dashboard-line-keeper.ts";

const FIVE_MINUTES = 300_000;

describe("the keeper's next look", () => {
  it("comes after the set interval during the day", () => {
    expect(nextLookMs(new Date(2027, 0, 4, 9, 0), FIVE_MINUTES)).toBe(FIVE_MINUTES);
  });

  it("comes a second past the clinic's midnight when the day ends sooner", () => {
    expect(nextLookMs(new Date(2027, 0, 4, 23, 58), FIVE_MINUTES)).toBe(121_000);
    expect(nextLookMs(new Date(2027, 0, 4, 23, 59, 59, 500), FIVE_MINUTES)).toBe(1_500);
  });

  it("goes by the calendar, not by 24 hours, across a month's end", () => {
    expect(nextLookMs(new Date(2027, 0, 31, 23, 59), FIVE_MINUTES)).toBe(61_000);
  });
});
