/**
 * One error type for the whole domain: a stable machine-readable `code`, a one-line
 * human message, and details that say where the problem is (field, line, value).
 * Adapters map codes once: the CLI to exit status 2, HTTP to a status table.
 *
 * @example
 * throw new DomainError("invalid_dose", "dose '0.5' has no unit", { field: "dose", value: "0.5" });
 */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export type DomainErrorCode =
  | "invalid_dose"
  | "unit_mismatch"
  | "limit_exceeded"
  | "invalid_argument"
  | "invalid_date"
  | "unknown_protocol"
  | "unknown_setting"
  | "unknown_opioid"
  | "unsupported_opioid"
  /** The record must change first: a plan cannot start while screening has pregnancy "unknown". */
  | "pregnancy_unknown"
  | "not_found";

export interface DomainErrorDetails {
  readonly field?: string;
  readonly value?: unknown;
  readonly line?: number;
  readonly [key: string]: unknown;
}

/** Builds an `invalid_argument` error naming the field and the value given. */
export function invalidArgument(field: string, value: unknown, why: string): DomainError {
  return new DomainError("invalid_argument", `${field}: ${why} (got ${JSON.stringify(value)})`, {
    field,
    value,
  });
}
