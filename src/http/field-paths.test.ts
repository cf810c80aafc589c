import { describe, expect, it } from "vitest";
import { conflict, DomainError, invalidArgument } from "../domain/errors.ts";
import { inRequest } from "./field-paths.ts";

const located = (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  return [e.code, e.details.field, e.message];
};

describe("field paths as the request carried them", () => {
  const input = {
    params: { patientId: "p1" },
    query: { from: "2027-01-01" },
    body: { startDate: "2020-01-01" },
  };

  it("puts a use case's field under the part of the request that holds it", () => {
    expect(located(inRequest(invalidArgument("startDate", "2020-01-01", "too early"), input))).toEqual([
      "invalid_argument",
      "body.startDate",
      'body.startDate: too early (got "2020-01-01")',
    ]);
    expect(located(inRequest(invalidArgument("from", "x", "bad"), input))[1]).toBe("query.from");
    expect(located(inRequest(invalidArgument("patientId", "x", "bad"), input))[1]).toBe("params.patientId");
  });

  it("leaves a located field, one the request does not carry, and other errors as they are", () => {
    const already = invalidArgument("body.pain", 11, "0-10");
    expect(inRequest(already, input)).toBe(already);
    const header = conflict("Idempotency-Key: used", "Idempotency-Key");
    expect(inRequest(header, input)).toBe(header);
    const fault = new TypeError("x");
    expect(inRequest(fault, input)).toBe(fault);
    const stored = invalidArgument("screening.pregnancy", "unknown", "must be recorded first");
    expect(inRequest(stored, input)).toBe(stored);
  });
});
