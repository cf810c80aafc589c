import { describe, expect, it } from "vitest";
import type { Attempt, ThrottleKey } from "../../app/ports/login-throttle.ts";
import { loginThrottle } from "./login-throttle.ts";

const account = (name: string, limit = 5): ThrottleKey => ({
  name: `login-account:${name}`,
  limit,
  clearOnSuccess: true,
});
const address = (ip: string, limit = 5): ThrottleKey => ({ name: `login-address:${ip}`, limit });

function started(result: ReturnType<ReturnType<typeof loginThrottle>["begin"]>): Attempt {
  if ("retryAfterSeconds" in result) throw new Error(`refused for ${result.retryAfterSeconds} s`);
  return result;
}
const waitOf = (result: ReturnType<ReturnType<typeof loginThrottle>["begin"]>): number =>
  "retryAfterSeconds" in result ? result.retryAfterSeconds : 0;

describe("login throttle", () => {
  const keys = [account("a@x.example"), address("10.0.0.1")];

  it("allows 5 failures in the window and refuses the 6th attempt until the oldest leaves it", () => {
    const t = loginThrottle(15 * 60_000);
    for (let i = 0; i < 4; i++) started(t.begin(keys, i * 1000)).failed();
    started(t.begin(keys, 4000)).failed();
    expect(waitOf(t.begin(keys, 5000))).toBe(15 * 60 - 5);
    expect(waitOf(t.begin(keys, 15 * 60_000 - 1))).toBe(1);
    started(t.begin(keys, 15 * 60_000)).abandoned();
  });

  it("counts attempts in flight: 40 begun at once for one account get 5 checks, the rest wait", () => {
    const t = loginThrottle(15 * 60_000);
    const results = Array.from({ length: 40 }, (_, i) => t.begin([account("a", 5), address(`ip${i}`)], 0));
    const begun = results.filter((r): r is Attempt => !("retryAfterSeconds" in r));
    expect(begun).toHaveLength(5);
    expect(results.slice(5).every((r) => waitOf(r) === 5)).toBe(true);
    for (const a of begun) a.failed();
    expect(waitOf(t.begin([account("a", 5)], 1000))).toBe(15 * 60 - 1);
  });

  it("forgets an attempt that never ran, and ends an attempt only once", () => {
    const t = loginThrottle(60_000);
    const a = started(t.begin([account("a", 1)], 0));
    a.abandoned();
    a.failed();
    started(t.begin([account("a", 1)], 0)).failed();
    expect(waitOf(t.begin([account("a", 1)], 0))).toBe(60);
  });

  it("blocks an address that tries many accounts, and forgives an account, never an address, on success", () => {
    const t = loginThrottle(60_000);
    started(t.begin([account("a", 2), address("1", 2)], 0)).failed();
    started(t.begin([account("b", 2), address("1", 2)], 0)).failed();
    expect(waitOf(t.begin([account("c", 2), address("1", 2)], 1))).toBeGreaterThan(0);
    started(t.begin([account("c", 2), address("2", 2)], 1)).abandoned();
    started(t.begin([account("a", 2), address("3", 2)], 1)).succeeded();
    started(t.begin([account("a", 2), address("4", 2)], 1)).failed();
    started(t.begin([account("a", 2), address("4", 2)], 1)).abandoned();
    expect(waitOf(t.begin([account("z", 2), address("1", 2)], 1))).toBeGreaterThan(0);
  });

  it("keeps separate counters for separate names: an address's invitation failures are not its login failures", () => {
    const t = loginThrottle(60_000);
    for (let i = 0; i < 3; i++) started(t.begin([{ name: "invitation-address:1", limit: 3 }], 0)).failed();
    expect(waitOf(t.begin([{ name: "invitation-address:1", limit: 3 }], 0))).toBe(60);
    started(t.begin([account("a", 3), address("1", 3)], 0)).succeeded();
  });
});
