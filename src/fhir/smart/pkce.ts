/**
 * PKCE for SMART App Launch v2 (RFC 7636): S256 only. SMART v2 requires S256 and forbids
 * `plain`, so ldn never offers it and refuses a server that does not advertise S256.
 */
import { createHash, randomBytes } from "node:crypto";

export interface Pkce {
  /** Kept server-side with the launch's state; sent only to the token endpoint. */
  readonly verifier: string;
  /** Sent to the authorize endpoint with `code_challenge_method=S256`. */
  readonly challenge: string;
}

/**
 * The S256 challenge of a verifier: base64url(sha256(verifier)), no padding.
 *
 * @example s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
 * // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" (RFC 7636 appendix B)
 */
export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** A fresh verifier (32 random bytes, 43 base64url characters: RFC 7636's minimum length) and its challenge. */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: s256Challenge(verifier) };
}
