/**
 * Throttling of password and invitation attempts, as the account use cases see it: each attempt
 * names the counters it counts against (an account, a client address), each with its own limit
 * of failures in the window. Begun before the slow password check, so attempts in flight count
 * too (issue 13: 12 to 40 concurrent wrong passwords were all checked, and the real one got in).
 * When it ends the attempt becomes a failure, or is forgotten (a success, or a check that never
 * ran).
 *
 * The counters live in the database (`src/store/repositories/sql-login-throttle.ts`), so every
 * server process sharing it counts the same attempts (issue 14) and a restart forgives nothing.
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

/** An attempt under way: end it exactly once (later endings do nothing). */
export interface Attempt {
  /** The attempt failed: it stays counted for the window. */
  failed(): Promise<void>;
  /** The attempt succeeded: counters marked `clearOnSuccess` forget their failures. */
  succeeded(): Promise<void>;
  /** The check never ran (e.g. the server was too busy): it is not counted. */
  abandoned(): Promise<void>;
}

/** The attempt may not begin: wait this long. */
export interface ThrottleRefusal {
  readonly retryAfterSeconds: number;
}

export interface LoginThrottle {
  /**
   * Begins an attempt, or says how many seconds to wait when a counter is at its limit
   * (failures in the window plus attempts in flight).
   *
   * @example
   * const attempt = await throttle.begin([{ name: "login-account:a@x", limit: 5, clearOnSuccess: true }], Date.now());
   * if ("retryAfterSeconds" in attempt) refuse(attempt.retryAfterSeconds); else await attempt.failed();
   */
  begin(keys: readonly ThrottleKey[], nowMs: number): Promise<Attempt | ThrottleRefusal>;
}
