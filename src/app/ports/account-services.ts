/**
 * What the account use cases (sign in, change a password, accept an invitation, add staff) need
 * besides a transaction: the store itself, because they hash before they open one.
 */
import type { Clock } from "./clock.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import type { PasswordHasher } from "./password-hasher.ts";
import type { Store } from "./store.ts";

/** The server settings the account use cases read. */
export interface AccountSettings {
  /** Failed attempts allowed per account in the throttle's window. */
  readonly loginFailures: number;
  /** Failed attempts allowed per client address in the throttle's window. */
  readonly loginAddressFailures: number;
  /** A session ends after this many minutes without a request. */
  readonly sessionIdleMinutes: number;
}

export interface AccountServices {
  readonly store: Store;
  readonly clock: Clock;
  readonly passwords: PasswordHasher;
  readonly throttle: LoginThrottle;
  readonly settings: AccountSettings;
}
