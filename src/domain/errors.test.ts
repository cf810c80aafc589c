import { describe, expect, it } from "vitest";
import { describeValue, invalidArgument } from "./errors.ts";

describe("error messages quoting the value given", () => {
  it("quote ordinary values as JSON", () => {
    expect(invalidArgument("pain", 12, "must be 0 to 10").message).toBe("pain: must be 0 to 10 (got 12)");
    expect(describeValue("forty")).toBe('"forty"');
    expect(describeValue({ a: [1, "x", null] })).toBe('{"a":[1,"x",null]}');
    expect(describeValue(undefined)).toBe("undefined");
  });

  it("quote a value nested 5,000 deep in a few characters, without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const error = invalidArgument("checkIn.pain", deep, "must be a whole number from 0 to 10");
    expect(error.message).toBe("checkIn.pain: must be a whole number from 0 to 10 (got [[[[[…]]]]])");
  });

  it("cut a long value to about 120 characters", () => {
    const shown = describeValue("x".repeat(200_000));
    expect(shown.length).toBe(120);
    expect(shown.endsWith("…")).toBe(true);
  });
});
