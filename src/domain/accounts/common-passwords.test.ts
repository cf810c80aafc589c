import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { isCommonPassword, refuseCommonPassword } from "./common-passwords.ts";

describe("common passwords", () => {
  it("knows the passwords everyone tries first, whatever their case or spaces", () => {
    for (const p of ["password", "Password", " PASSWORD ", "12345678", "iloveyou", "qwertyuiop", "password1"])
      expect(isCommonPassword(p), p).toBe(true);
  });

  it("lets an unusual passphrase through", () => {
    expect(isCommonPassword("violet kettle harbour")).toBe(false);
    expect(isCommonPassword("correct horse battery 1987 staple")).toBe(false);
  });

  it("refuses a common password with a 422 code naming the field, and never repeats the password", () => {
    let error: unknown;
    try {
      refuseCommonPassword("password", "newPassword");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe("invalid_argument");
    expect(e.details.field).toBe("newPassword");
    expect(e.message).toMatch(/^newPassword: this password is too common/);
    expect(e.message).not.toContain('password"');
    expect(JSON.stringify(e.details)).not.toContain('"password"');
  });

  it("says nothing about a good one", () => {
    expect(() => refuseCommonPassword("violet kettle harbour", "password")).not.toThrow();
  });
});
