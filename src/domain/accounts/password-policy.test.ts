import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  it("asks for 8 to 200 characters", () => {
    expect(passwordProblem("1234567")).toBe("must be at least 8 characters");
    expect(passwordProblem("12345678")).toBeNull();
    expect(passwordProblem("x".repeat(200))).toBeNull();
    expect(passwordProblem("x".repeat(201))).toBe("must be at most 200 characters");
  });
});
