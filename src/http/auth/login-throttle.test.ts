import { describe, expect, it } from "vitest";
import { loginThrottle } from "./login-throttle.ts";

describe("login throttle", () => {
  const keys = ["account:a@x.example", "ip:10.0.0.1"];

  it("allows 5 failures in the window and refuses the 6th attempt until the oldest leaves it", () => {
    const t = loginThrottle(5, 15 * 60_000);
    for (let i = 0; i < 4; i++) t.fail(keys, i * 1000);
    expect(t.retryAfter(keys, 5000)).toBe(0);
    t.fail(keys, 4000);
    expect(t.retryAfter(keys, 5000)).toBe(15 * 60 - 5);
    expect(t.retryAfter(keys, 15 * 60_000 - 1)).toBe(1);
    expect(t.retryAfter(keys, 15 * 60_000)).toBe(0);
  });

  it("blocks an address that tries many accounts, and forgives an account on success", () => {
    const t = loginThrottle(2, 60_000);
    t.fail(["account:a", "ip:1"], 0);
    t.fail(["account:b", "ip:1"], 0);
    expect(t.retryAfter(["account:c", "ip:1"], 1)).toBeGreaterThan(0);
    expect(t.retryAfter(["account:c", "ip:2"], 1)).toBe(0);
    t.succeed(["account:a", "ip:1"]);
    expect(t.retryAfter(["account:a", "ip:3"], 1)).toBe(0);
  });
});
