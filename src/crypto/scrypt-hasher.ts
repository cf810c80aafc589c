/**
 * Password hashing with scrypt, Node's built-in memory-hard function (no native addon to build).
 * Parameters follow OWASP's Password Storage Cheat Sheet for scrypt: N = 2^17, r = 8, p = 1
 * (128 MiB per hash). The parameters are stored in each hash, so they can be raised later and
 * old hashes still verify.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { PasswordHasher } from "../app/ports/password-hasher.ts";

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. */
export const OWASP_LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

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
