/**
 * Throttling of password and invitation attempts. Each attempt names the counters it counts
 * against (an account, a client address), each with its own limit of failures in the window.
 *
 * An attempt is counted when it begins, before the slow password check: attempts still in
 * flight count against the limit as failures would, so 40 guesses sent at once for one account
 * get at most `limit` checks and the rest are refused at once (issue 13: 12 to 40 concurrent
 * wrong passwords were all checked, and the real one got in). When it ends the attempt becomes
 * a failure, or is forgotten (a success, or a check that never ran).
 *
 * Kept in memory: a restart forgives, which is acceptable for a single clinic server (and says
 * so in the README); a clinic network behind several processes would move this to the database.
 */

import type { LoginThrottle, ThrottleKey } from "../../app/ports/login-throttle.ts";

/** While only attempts in flight fill a counter, they end within seconds: retry then. */
const IN_FLIGHT_RETRY_SECONDS = 5;

/**
 * @example
 * const throttle = loginThrottle(15 * 60_000);
 * const attempt = throttle.begin([{ name: "login-account:a@x", limit: 5, clearOnSuccess: true }], Date.now());
 * if ("retryAfterSeconds" in attempt) refuse(attempt.retryAfterSeconds); else attempt.failed();
 */
export function loginThrottle(windowMs: number): LoginThrottle {
  const failures = new Map<string, number[]>();
  const inFlight = new Map<string, number>();
  const recent = (name: string, nowMs: number) => {
    const kept = (failures.get(name) ?? []).filter((t) => nowMs - t < windowMs);
    if (kept.length === 0) failures.delete(name);
    else failures.set(name, kept);
    return kept;
  };
  const release = (keys: readonly ThrottleKey[]) => {
    for (const { name } of keys) {
      const n = (inFlight.get(name) ?? 1) - 1;
      if (n <= 0) inFlight.delete(name);
      else inFlight.set(name, n);
    }
  };
  return {
    begin(keys, nowMs) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key.name, nowMs);
        if (times.length >= key.limit) {
          wait = Math.max(wait, Math.ceil((times[times.length - key.limit]! + windowMs - nowMs) / 1000));
        } else if (times.length + (inFlight.get(key.name) ?? 0) >= key.limit) {
          wait = Math.max(wait, IN_FLIGHT_RETRY_SECONDS);
        }
      }
      if (wait > 0) return { retryAfterSeconds: wait };
      for (const { name } of keys) inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
      let ended = false;
      const end = (then: () => void) => {
        if (ended) return;
        ended = true;
        release(keys);
        then();
      };
      return {
        failed: () =>
          end(() => {
            for (const { name } of keys) failures.set(name, [...(failures.get(name) ?? []), nowMs]);
          }),
        succeeded: () =>
          end(() => {
            for (const key of keys) if (key.clearOnSuccess) failures.delete(key.name);
          }),
        abandoned: () => end(() => undefined),
      };
    },
  };
}
