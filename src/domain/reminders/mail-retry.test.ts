import { describe, expect, it } from "vitest";
import { MAX_RETRY_MINUTES, retryDelayMinutes } from "./mail-retry.ts";

describe("mail retry", () => {
  it("doubles the wait from a minute after each failure", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60]);
  });

  it("never waits more than an hour, however many failures", () => {
    expect(retryDelayMinutes(8)).toBe(MAX_RETRY_MINUTES);
    expect(retryDelayMinutes(1_000)).toBe(MAX_RETRY_MINUTES);
  });
});
