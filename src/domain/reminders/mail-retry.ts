/**
 * When to try again after an email could not be sent: doubling from a minute, at most an hour
 * apart (clinic settings, not clinical facts), so a mail server down for a while is not
 * hammered and a message still goes soon after it is back.
 */

/** The first wait, in minutes: a clinic setting. */
export const FIRST_RETRY_MINUTES = 1;
/** The longest wait, in minutes: a clinic setting. */
export const MAX_RETRY_MINUTES = 60;

/**
 * The wait before the next try, after `failures` failed tries (1 after the first).
 *
 * @example retryDelayMinutes(1) // 1
 * @example retryDelayMinutes(3) // 4
 * @example retryDelayMinutes(20) // 60
 */
export function retryDelayMinutes(failures: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(MAX_RETRY_MINUTES, FIRST_RETRY_MINUTES * 2 ** exponent);
}
