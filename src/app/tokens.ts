/** Random tokens for session cookies and invitation links; only their sha256 is ever stored. */
import { createHash, randomBytes } from "node:crypto";

/** @example newToken() // "Jx3…" (43 characters, 256 random bits) */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** @example tokenHash(token) // 64 hex digits */
export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Letters and digits a patient can read aloud and type on a phone without confusion (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * A patient's login code, like `K7QM-3XPA` (40 bits); unique in the database.
 *
 * @example newLoginCode() // "K7QM-3XPA"
 */
export function newLoginCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Normalises what a patient types: case, spaces and a missing dash forgiven. */
export function normaliseLoginCode(text: string): string {
  const clean = text.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}
