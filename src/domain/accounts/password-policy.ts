/** What a new password must be. The one place the rule is said: sign-up, password change, `ldn admin create`. */

/** Shortest password accepted (NIST SP 800-63B §5.1.1.2: at least 8 characters). */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted; bounds the work an attacker can make the server do. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Checks a new password; returns the problem, or null when it is acceptable.
 *
 * @example passwordProblem("short") // "must be at least 8 characters"
 */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}
