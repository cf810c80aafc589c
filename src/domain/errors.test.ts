import { describe, expect, it } from "vitest";
import {
  atField,
  underField,
  conflict,
  describeValue,
  DomainError,
  invalidArgument,
  invalidDose,
  limitExceeded,
  refused,
  restated,
  unknownProtocol,
} from "./errors.ts";

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

describe("the factories", () => {
  it("give each code its own factory, keeping the field and value given", () => {
    const unknown = unknownProtocol("ldn-9", ["fixed-standard", "micro-titration"]);
    expect([unknown.code, unknown.message, unknown.details]).toEqual([
      "unknown_protocol",
      'unknown protocol "ldn-9"; known protocols: fixed-standard, micro-titration',
      { field: "protocol", value: "ldn-9" },
    ]);
    expect(limitExceeded("next: too much", { field: "next", value: 5500 }).code).toBe("limit_exceeded");
    expect(refused("a fill period needs at least one day", { field: "days" }).code).toBe("invalid_argument");
  });

  it("take a conflict's field alone or its details whole", () => {
    expect(conflict("email: in use", "email").details).toEqual({ field: "email" });
    expect(conflict("fillStart: moved", { field: "fillStart", value: "2027-01-04" }).details).toEqual({
      field: "fillStart",
      value: "2027-01-04",
    });
    expect(conflict("You cannot disable your own account").details).toEqual({});
  });

  it("restate an error with another code, keeping its message, details and stack", () => {
    const error = invalidDose("body.ug: a dose of 0 mcg", { field: "body.ug", value: 0 });
    const told = restated(error, { code: "invalid_request" });
    expect([told.code, told.message, told.details, told.stack]).toEqual([
      "invalid_request",
      error.message,
      error.details,
      error.stack,
    ]);
    expect(told).toBeInstanceOf(DomainError);
  });
});

describe("atField", () => {
  it("names where the input held what a parser refused, keeping the code, the value and the reason", () => {
    const fail = () =>
      atField("opioids[2]", () => {
        throw invalidArgument("risk factor", "insomnia", "unknown");
      });
    expect(fail).toThrow(DomainError);
    try {
      fail();
    } catch (e) {
      const error = e as DomainError;
      expect(error.code).toBe("invalid_argument");
      expect(error.message).toBe('opioids[2]: unknown (got "insomnia")');
      expect(error.details).toEqual({ field: "opioids[2]", value: "insomnia" });
    }
  });

  it("puts the field before a message that does not start with one, and lets other errors through", () => {
    expect(() =>
      atField("opioids[0]", () => {
        throw refused('unknown opioid "pethidine"');
      }),
    ).toThrow('opioids[0]: unknown opioid "pethidine"');
    expect(() => atField("x", () => JSON.parse("{"))).toThrow(SyntaxError);
    expect(atField("x", () => 7)).toBe(7);
  });
});

describe("underField", () => {
  it("puts its prefix before the field a refusal names, and names itself when there is none", () => {
    expect(() =>
      underField("settings", () => {
        throw invalidArgument("times", "25:00", "not a time");
      }),
    ).toThrow('settings.times: not a time (got "25:00")');
    expect(() =>
      underField("settings", () => {
        throw refused("no field here");
      }),
    ).toThrow("settings: no field here");
  });
});
