import { describe, expect, it } from "vitest";
import { OWASP_LOG_N, passwordProblem, scryptHasher } from "./passwords.ts";

describe("password hashing", () => {
  const hasher = scryptHasher(10);

  it("verifies the password it hashed and nothing else, with a fresh salt each time", async () => {
    const stored = await hasher.hash("correct horse battery");
    expect(await hasher.verify("correct horse battery", stored)).toBe(true);
    expect(await hasher.verify("correct horse batterY", stored)).toBe(false);
    expect(await hasher.hash("correct horse battery")).not.toBe(stored);
  });

  it("keeps the parameters in the hash, so a hash made at other settings still verifies", async () => {
    const stored = await scryptHasher(11).hash("a password here");
    expect(stored.startsWith("scrypt$11$8$1$")).toBe(true);
    expect(await hasher.verify("a password here", stored)).toBe(true);
    expect(await hasher.verify("a password here", "not-a-hash")).toBe(false);
  });

  it("defaults to OWASP's scrypt cost, N = 2^17", () => {
    expect(OWASP_LOG_N).toBe(17);
  });

  it("asks for 8 to 200 characters", () => {
    expect(passwordProblem("1234567")).toBe("must be at least 8 characters");
    expect(passwordProblem("12345678")).toBeNull();
    expect(passwordProblem("x".repeat(201))).toBe("must be at most 200 characters");
  });
});
