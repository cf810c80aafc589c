/**
 * The server's security settings. None is a published clinical fact: each is a clinic setting,
 * chosen here as a common default and changeable by environment variable. The days a diary
 * and a plan may be dated are clinic settings too (see date-window.ts).
 */
import { DEFAULT_DATE_SETTINGS, type DiaryDateSettings } from "../app/use-cases/date-window.ts";
import { DEFAULT_FILL_SETTINGS, MAX_FILL_DAYS, type FillSettings } from "../domain/compounding/next-fill.ts";
// A setting the server cannot start with is the user's to fix: `ldn serve` says which and exits 2.
import { invalidArgument } from "../domain/errors.ts";

/** The pharmacy's fill length and notice are clinic settings too (see next-fill.ts). */
export interface ServerSettings extends DiaryDateSettings, FillSettings {
  /** Sign out after this many minutes without a request (clinic setting; default 30). */
  readonly sessionIdleMinutes: number;
  /** A session ends this many hours after login whatever happens (clinic setting; default 12). */
  readonly sessionMaxHours: number;
  /** An invitation link works for this many days (clinic setting; default 7). */
  readonly invitationDays: number;
  /** Failed logins allowed per account in the window before refusing (clinic setting; 5). */
  readonly loginFailures: number;
  /**
   * Failed logins, and separately failed invitation links, allowed per client address in the
   * window (clinic setting; 20): more than an account's, as an address may be a household's or
   * a clinic's network, yet few enough to stop one address guessing across many accounts.
   */
  readonly loginAddressFailures: number;
  /** The throttling window in minutes (clinic setting; 15). */
  readonly loginWindowMinutes: number;
  /** Mark cookies `Secure` whatever the request looks like (set behind TLS; default: only for https). */
  readonly secureCookies: boolean;
  /**
   * Behind a reverse proxy that terminates TLS: believe its `X-Forwarded-Proto`, and take the
   * client's address from the last `X-Forwarded-For` entry (the one the proxy wrote).
   */
  readonly trustProxy: boolean;
  /** The password for the clinic's SMTP server (LDN_SMTP_PASSWORD), kept out of the database. */
  readonly smtpPassword: string;
  /** How often the mail dispatcher sends what is due, in seconds (clinic setting; 30). */
  readonly mailPollSeconds: number;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = Object.freeze({
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  invitationDays: 7,
  loginFailures: 5,
  loginAddressFailures: 20,
  loginWindowMinutes: 15,
  secureCookies: false,
  trustProxy: false,
  smtpPassword: "",
  mailPollSeconds: 30,
  ...DEFAULT_DATE_SETTINGS,
  ...DEFAULT_FILL_SETTINGS,
});

/**
 * Reads the settings from the environment (`LDN_SESSION_IDLE_MINUTES`, `LDN_SECURE_COOKIES=1`...).
 *
 * @example serverSettingsFromEnv(process.env).sessionIdleMinutes // 30
 */
export function serverSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): ServerSettings {
  const num = (name: string, fallback: number) => {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) throw invalidArgument(name, text, "must be a whole number above 0");
    return n;
  };
  /** A count of days from `min` to `max`: checked here, so a bad one stops the start, not a request. */
  const days = (name: string, fallback: number, min = 0, max = 3660) => {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw invalidArgument(name, text, `must be a whole number of days from ${min} to ${max}`);
    return n;
  };
  return {
    diaryDaysBack: days("LDN_DIARY_DAYS_BACK", DEFAULT_SERVER_SETTINGS.diaryDaysBack),
    diaryDaysAhead: days("LDN_DIARY_DAYS_AHEAD", DEFAULT_SERVER_SETTINGS.diaryDaysAhead),
    baselineDays: days("LDN_BASELINE_DAYS", DEFAULT_SERVER_SETTINGS.baselineDays),
    planStartDaysAhead: days("LDN_PLAN_START_DAYS_AHEAD", DEFAULT_SERVER_SETTINGS.planStartDaysAhead),
    // The pharmacy's limits (next-fill.ts): over them every queue request was refused.
    fillDays: days("LDN_FILL_DAYS", DEFAULT_SERVER_SETTINGS.fillDays, 1, MAX_FILL_DAYS),
    fillLeadDays: days("LDN_FILL_LEAD_DAYS", DEFAULT_SERVER_SETTINGS.fillLeadDays, 0, MAX_FILL_DAYS),
    sessionIdleMinutes: num("LDN_SESSION_IDLE_MINUTES", DEFAULT_SERVER_SETTINGS.sessionIdleMinutes),
    sessionMaxHours: num("LDN_SESSION_MAX_HOURS", DEFAULT_SERVER_SETTINGS.sessionMaxHours),
    invitationDays: num("LDN_INVITATION_DAYS", DEFAULT_SERVER_SETTINGS.invitationDays),
    loginFailures: num("LDN_LOGIN_FAILURES", DEFAULT_SERVER_SETTINGS.loginFailures),
    loginAddressFailures: num("LDN_LOGIN_ADDRESS_FAILURES", DEFAULT_SERVER_SETTINGS.loginAddressFailures),
    loginWindowMinutes: num("LDN_LOGIN_WINDOW_MINUTES", DEFAULT_SERVER_SETTINGS.loginWindowMinutes),
    secureCookies: env.LDN_SECURE_COOKIES === "1",
    trustProxy: env.LDN_TRUST_PROXY === "1",
    smtpPassword: env.LDN_SMTP_PASSWORD ?? "",
    mailPollSeconds: num("LDN_MAIL_POLL_SECONDS", DEFAULT_SERVER_SETTINGS.mailPollSeconds),
  };
}
