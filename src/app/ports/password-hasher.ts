/**
 * Password hashing as the account use cases see it: slow on purpose, so they hash before opening
 * a transaction, never inside one (issue 14: a 2 s hash inside the SQLite write lock held every
 * check-in queued behind it). The scrypt adapter is `src/crypto/scrypt-hasher.ts`.
 */
export interface PasswordHasher {
  /** `queue`: whose turn this hash takes where hashing is bounded (the client address; see hash-gate.ts). */
  hash(password: string, queue?: string): Promise<string>;
  verify(password: string, stored: string, queue?: string): Promise<boolean>;
}
