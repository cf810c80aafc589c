import { describe, expect, it } from "vitest";
import { OWASP_LOG_N, scryptHasher } from "./scrypt-hasher.ts";

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
});
