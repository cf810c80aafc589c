/**
 * Common passwords are refused wherever a password is set (NIST SP 800-63B §5.1.1.2: compare
 * against "passwords obtained from previous breach corpuses" and "commonly-used" ones). The list
 * is zxcvbn-ts's `passwords-common` (@zxcvbn-ts/language-common, about 49,000 passwords ranked by
 * how often they appear in leaks), a maintained package rather than a copy kept here.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { unacceptable } from "../errors.ts";

/** Built on first use: the list is only needed when a password is set. */
let common: ReadonlySet<string> | undefined;

/**
 * Whether a password is on the common list, ignoring case and surrounding spaces
 * ("Password" and " password " are as guessable as "password").
 *
 * @example isCommonPassword("Password") // true
 * @example isCommonPassword("violet kettle harbour") // false
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(password.trim().toLowerCase());
}

/**
 * Throws a 422 (`invalid_argument`) naming the field when the password is a common one. The
 * password itself is never put in the message: it would end up in logs.
 *
 * @example refuseCommonPassword("password", "newPassword") // throws "newPassword: this password is too common ..."
 */
export function refuseCommonPassword(password: string, field: string): void {
  if (!isCommonPassword(password)) return;
  throw unacceptable(
    field,
    "this password is too common, one of the first tried by anyone guessing; choose another (a few unrelated words make a good one)",
  );
}
