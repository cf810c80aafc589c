import { describe, expect, it } from "vitest";
import { z } from "zod/v4";
import { badRequest, invalidArgument, tooManyRequests } from "./errors.ts";
import { fieldPath, problemOf } from "./problem.ts";

describe("problemOf, the one normaliser", () => {
  it("keeps a domain error's code, message, field and retry time", () => {
    expect(problemOf(invalidArgument("pain", 11, "must be 0-10"))).toEqual({
      code: "invalid_argument",
      message: "pain: must be 0-10 (got 11)",
      field: "pain",
    });
    expect(problemOf(tooManyRequests(30, "wait"))).toEqual({
      code: "too_many_requests",
      message: "wait",
      retryAfterSeconds: 30,
    });
    expect(problemOf(badRequest(undefined, "not JSON"))).toEqual({
      code: "invalid_request",
      message: "not JSON",
    });
  });

  it("reads a zod error as a malformed request naming the first field at fault", () => {
    const result = z
      .object({ doses: z.array(z.object({ ug: z.number() })) })
      .safeParse({ doses: [{ ug: "x" }] });
    expect(result.success).toBe(false);
    expect(problemOf(result.error)).toMatchObject({ code: "invalid_request", field: "doses[0].ug" });
  });

  it("leaves anything else to be logged as an internal fault", () => {
    expect(problemOf(new TypeError("x is undefined"))).toBeUndefined();
    expect(problemOf("a string")).toBeUndefined();
  });

  it("writes paths with dots between names and brackets around indices", () => {
    expect(fieldPath("body", ["doses", 0, "ug"])).toBe("body.doses[0].ug");
    expect(fieldPath("", ["pain"])).toBe("pain");
    expect(fieldPath("query", [])).toBe("query");
  });
});
