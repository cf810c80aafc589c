/**
 * Password hashing with scrypt, Node's built-in memory-hard function (no native addon to build).
 * Parameters follow OWASP's Password Storage Cheat Sheet for scrypt: N = 2^17, r = 8, p = 1
 * (128 MiB per hash). The parameters are stored in each hash, so they can be raised later and
 * old hashes still verify.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface PasswordHasher {
  /** `queue`: whose turn this hash takes where hashing is bounded (the client address; see hash-gate.ts). */
  hash(password: string, queue?: string): Promise<string>;
  verify(password: string, stored: string, queue?: string): Promise<boolean>;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. */
export const OWASP_LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Shortest password accepted (NIST SP 800-63B: at least 8 characters). */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted; bounds the work an attacker can make the server do. */
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * A hasher; `logN` below 17 is for tests only (fast, and still the same code path).
 *
 * @example
 * const hasher = scryptHasher();
 * const stored = await hasher.hash("correct horse battery");
 * await hasher.verify("correct horse battery", stored) // true
 */
export function scryptHasher(logN = OWASP_LOG_N): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, logN, R, P);
      return `scrypt$${logN}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
    },
    async verify(password, stored) {
      const parts = stored.split("$");
      if (parts.length !== 6 || parts[0] !== "scrypt") return false;
      const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
      const expected = Buffer.from(key, "base64url");
      const actual = await derive(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/**
 * Checks a new password's length; returns the problem, or null when it is acceptable.
 *
 * @example passwordProblem("short") // "must be at least 8 characters"
 */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}
