/**
 * Login throttling: after `limit` failed logins for one account, or from one address, within
 * the window, further attempts are refused until the oldest failure leaves the window. Kept in
 * memory: a restart forgives, which is acceptable for a single clinic server (and says so in the
 * README); a clinic network behind several processes would move this to the database.
 */
export interface LoginThrottle {
  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(keys: readonly string[], nowMs: number): number;
  fail(keys: readonly string[], nowMs: number): void;
  succeed(keys: readonly string[]): void;
}

/**
 * @example
 * const throttle = loginThrottle(5, 15 * 60_000);
 * throttle.retryAfter(["account:a@x", "ip:127.0.0.1"], Date.now()) // 0
 */
export function loginThrottle(limit: number, windowMs: number): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => nowMs - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter(keys, nowMs) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, nowMs);
        if (times.length >= limit) wait = Math.max(wait, Math.ceil((times[0]! + windowMs - nowMs) / 1000));
      }
      return wait;
    },
    fail(keys, nowMs) {
      for (const key of keys) failures.set(key, [...recent(key, nowMs), nowMs]);
    },
    succeed(keys) {
      for (const key of keys) if (key.startsWith("account:")) failures.delete(key);
    },
  };
}
