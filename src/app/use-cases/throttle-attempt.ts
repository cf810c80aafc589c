/** A password or invitation attempt under the login throttle (see ports/login-throttle.ts). */
import type { AccountServices } from "../ports/account-services.ts";
import type { Attempt, ThrottleKey } from "../ports/login-throttle.ts";
import { tooManyRequests } from "../../domain/errors.ts";

/**
 * Begins a throttled attempt, counted before any slow check, or refuses with
 * `too_many_requests` and when to retry.
 *
 * @example const attempt = await beginAttempt(services, loginKeys(services, "a@x.example", "203.0.113.7"));
 */
export async function beginAttempt(
  services: AccountServices,
  keys: readonly ThrottleKey[],
): Promise<Attempt> {
  const attempt = await services.throttle.begin(keys, services.clock.now().getTime());
  if ("retryAfterSeconds" in attempt) {
    const wait = attempt.retryAfterSeconds;
    throw tooManyRequests(
      wait,
      wait < 60
        ? `Too many attempts at once; try again in ${wait} seconds`
        : `Too many failed attempts; try again in ${Math.ceil(wait / 60)} minutes`,
    );
  }
  return attempt;
}

/**
 * Runs `check` as the attempt; a check that throws (e.g. too busy to hash) is not counted.
 *
 * @example const ok = await attempted(attempt, () => passwords.verify(password, stored));
 */
export async function attempted<T>(attempt: Attempt, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    await attempt.abandoned();
    throw error;
  }
}

/**
 * The counters a password check counts against: its account's (`name`, cleared by a success)
 * and its client address's, which signing in and changing a password share.
 *
 * @example accountKeys(services, "login-account:a@x.example", "203.0.113.7")
 */
export function accountKeys(services: AccountServices, name: string, address: string): ThrottleKey[] {
  return [
    { name, limit: services.settings.loginFailures, clearOnSuccess: true },
    { name: `login-address:${address}`, limit: services.settings.loginAddressFailures },
  ];
}
