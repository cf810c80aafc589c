import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { jsonDepth, parseJsonBody, refuseHostileText } from "./request-input.ts";

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError && e.code === "invalid_request") return e.details.field as string;
    throw e;
  }
  return undefined;
};

describe("reading a request's JSON", () => {
  it("counts nesting without counting brackets inside strings or escaped quotes", () => {
    expect(jsonDepth('{"a": [1, {"b": "]]\\"[[[["}]}')).toBe(3);
    expect(jsonDepth("5")).toBe(0);
  });

  it("parses ordinary bodies, and an empty body as undefined", () => {
    expect(parseJsonBody('{"pain": 4, "note": "a \\ud83d\\ude00"}')).toEqual({
      pain: 4,
      note: "a \u{1f600}",
    });
    expect(parseJsonBody("")).toBeUndefined();
  });

  it("refuses text that is not JSON as a malformed body, the message starting with its field", () => {
    expect(() => parseJsonBody('{"pain": 4')).toThrow(
      expect.objectContaining({ code: "invalid_request", message: "body: not valid JSON" }),
    );
    expect(fieldOf(() => parseJsonBody('{"pain": 4'))).toBe("body");
  });

  it("refuses 33 levels, accepts 32", () => {
    expect(fieldOf(() => parseJsonBody(`${"[".repeat(33)}${"]".repeat(33)}`))).toBe("body");
    expect(fieldOf(() => parseJsonBody(`${"[".repeat(32)}${"]".repeat(32)}`))).toBeUndefined();
  });

  it("names the field holding a NUL, a lone surrogate, or a __proto__ key, in keys and arrays too", () => {
    expect(fieldOf(() => refuseHostileText({ a: [{ b: "x\u0000" }] }, "body"))).toBe("body.a.0.b");
    expect(fieldOf(() => refuseHostileText({ ["k\u0000"]: 1 }, "body"))).toBe("body.k\u0000");
    expect(fieldOf(() => refuseHostileText({ note: "\udfff" }, "body"))).toBe("body.note");
    expect(fieldOf(() => parseJsonBody('{"s": {"__proto__": 1}}'))).toBe("body.s.__proto__");
    expect(fieldOf(() => refuseHostileText({ note: "\ud83d\ude00 ok" }, "body"))).toBeUndefined();
  });
});
