import { describe, expect, it } from "vitest";
import { newLoginCode, newToken, normaliseLoginCode, tokenHash } from "./tokens.ts";

describe("tokens and login codes", () => {
  it("makes 256-bit url-safe tokens, stored only as their sha256", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toBe(tokenHash(newToken()));
  });

  it("makes login codes without look-alike characters", () => {
    for (let i = 0; i < 200; i++) expect(newLoginCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it("forgives case, spaces and a missing dash in a typed code", () => {
    expect(normaliseLoginCode(" k7qm 3xpa ")).toBe("K7QM-3XPA");
    expect(normaliseLoginCode("K7QM-3XPA")).toBe("K7QM-3XPA");
    expect(normaliseLoginCode("short")).toBe("SHORT");
  });
});
