import { describe, expect, it } from "vitest";
import type { DomainError } from "../../domain/errors.ts";
import { gatedHasher, hashGate } from "./hash-gate.ts";
import type { PasswordHasher } from "../../app/ports/password-hasher.ts";

/** A hasher that takes `ms` per hash and records how many ran at once and in which order. */
function slowHasher(ms: number) {
  const log = { running: 0, most: 0, order: [] as string[] };
  const hasher: PasswordHasher = {
    hash: async (password) => {
      log.running++;
      log.most = Math.max(log.most, log.running);
      await new Promise((r) => setTimeout(r, ms));
      log.running--;
      log.order.push(password);
      return `hashed ${password}`;
    },
    verify: async (password) => (await hasher.hash(password)) === "hashed right",
  };
  return { hasher, log };
}

describe("bounded password hashing", () => {
  it("runs at most `concurrent` hashes at a time", async () => {
    const { hasher, log } = slowHasher(5);
    const gated = gatedHasher(hasher, hashGate({ concurrent: 2, maxWaitingPerQueue: 100 }));
    await Promise.all(Array.from({ length: 12 }, (_, i) => gated.hash(`p${i}`, `ip${i % 3}`)));
    expect(log.most).toBe(2);
    expect(log.order).toHaveLength(12);
  });

  it("serves queues in turn: one address's flood delays another's login by one hash per slot", async () => {
    const { hasher, log } = slowHasher(5);
    const gated = gatedHasher(hasher, hashGate({ concurrent: 1, maxWaitingPerQueue: 100 }));
    const flood = Array.from({ length: 20 }, (_, i) => gated.verify(`bogus${i}`, "", "attacker"));
    const real = gated.verify("right", "", "clinic");
    expect(await real).toBe(true);
    expect(log.order.indexOf("right")).toBeLessThanOrEqual(1);
    await Promise.all(flood);
  });

  it("refuses at once with 429 when an address already has its hashes waiting", async () => {
    const { hasher } = slowHasher(5);
    const gated = gatedHasher(hasher, hashGate({ concurrent: 1, maxWaitingPerQueue: 2 }));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => gated.verify(`p${i}`, "", "attacker")),
    );
    // One runs, two wait, three are refused.
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
      "rejected",
    ]);
    const refusal = (results[5] as PromiseRejectedResult).reason as DomainError;
    expect([refusal.code, refusal.details.retryAfterSeconds]).toEqual(["too_many_requests", 5]);
    expect(await gated.verify("right", "", "attacker")).toBe(true);
  });
});
