/**
 * Throttling of password and invitation attempts, as the account use cases see it: each attempt
 * names the counters it counts against (an account, a client address), each with its own limit
 * of failures in the window. Begun before the slow password check, so attempts in flight count
 * too (issue 13). The in-memory adapter is `src/http/auth/login-throttle.ts`.
 */

/** One counter an attempt counts against. */
export interface ThrottleKey {
  /** e.g. `login-account:a@x.example`, `login-address:203.0.113.7`. */
  readonly name: string;
  /** Failures (and attempts in flight) allowed in the window before refusing. */
  readonly limit: number;
  /** A success clears this counter's failures (an account's; never an address's). */
  readonly clearOnSuccess?: boolean;
}

/** An attempt under way: end it exactly once. */
export interface Attempt {
  /** The attempt failed: it stays counted for the window. */
  failed(): void;
  /** The attempt succeeded: counters marked `clearOnSuccess` forget their failures. */
  succeeded(): void;
  /** The check never ran (e.g. the server was too busy): it is not counted. */
  abandoned(): void;
}

export interface LoginThrottle {
  /**
   * Begins an attempt, or returns the seconds to wait when a counter is at its limit (failures
   * in the window plus attempts in flight).
   */
  begin(keys: readonly ThrottleKey[], nowMs: number): Attempt | { readonly retryAfterSeconds: number };
}
