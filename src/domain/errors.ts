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
  /** The request contradicts what is stored: e.g. an Idempotency-Key already used for other data. */
  | "conflict"
  | "not_found"
  /** Wrong login or password, or no session. */
  | "unauthenticated"
  /** Signed in, but this role may not do it. */
  | "forbidden"
  /** Too many attempts: `details.retryAfterSeconds` says when to try again. */
  | "too_many_requests"
  /** The request is malformed: not JSON, a wrong type, a missing field. */
  | "invalid_request"
  | "unsupported_media_type";

export interface DomainErrorDetails {
  readonly field?: string;
  readonly value?: unknown;
  readonly line?: number;
  readonly [key: string]: unknown;
}

/** Builds an `invalid_argument` error naming the field and the value given. */
export function invalidArgument(field: string, value: unknown, why: string): DomainError {
  return new DomainError("invalid_argument", `${field}: ${why} (got ${describeValue(value)})`, {
    field,
    value,
  });
}

/**
 * A malformed request: a field missing or of the wrong type or shape (400 over HTTP).
 *
 * @example badRequest("body.pain", "expected a number")
 */
export function badRequest(field: string | undefined, why: string): DomainError {
  return new DomainError("invalid_request", field ? `${field}: ${why}` : why, field ? { field } : {});
}

/**
 * A record that is missing, or that the caller may not see: the two look the same.
 *
 * @example throw notFound("plan")
 */
export function notFound(what = "record", message = `No such ${what}`): DomainError {
  return new DomainError("not_found", message);
}

/**
 * The request contradicts what is stored (an email already in use, an Idempotency-Key reused
 * for other data); the same request may succeed once the record changes.
 *
 * @example throw conflict("email: a@x.example already has an account", "email")
 */
export function conflict(message: string, field?: string): DomainError {
  return new DomainError("conflict", message, field ? { field } : {});
}

/** @example throw unauthenticated("Wrong login or password") */
export function unauthenticated(message: string): DomainError {
  return new DomainError("unauthenticated", message);
}

/** @example throw forbidden("Your role cannot do this") */
export function forbidden(message: string): DomainError {
  return new DomainError("forbidden", message);
}

/**
 * Too many attempts; `retryAfterSeconds` says when to try again.
 *
 * @example throw tooManyRequests(30, "Too many attempts at once; try again in 30 seconds")
 */
export function tooManyRequests(retryAfterSeconds: number, message: string): DomainError {
  return new DomainError("too_many_requests", message, { retryAfterSeconds });
}

/**
 * A value a rule refuses, without quoting it (a password): `invalid_argument` naming the field.
 *
 * @example throw unacceptable("password", "must be at least 8 characters")
 */
export function unacceptable(field: string, why: string): DomainError {
  return new DomainError("invalid_argument", `${field}: ${why}`, { field });
}

/** The longest value an error message quotes in full. */
const MAX_SHOWN = 120;
/** How deep into arrays and objects an error message looks; deeper is written `[…]` / `{…}`. */
const MAX_SHOWN_DEPTH = 4;

/**
 * A value as an error message quotes it: JSON, at most 4 levels deep and about 120 characters,
 * so a hostile value (nested 5,000 deep, or 200 KB long) makes a short message instead of
 * overflowing the stack or flooding a log.
 *
 * @example describeValue("forty") // '"forty"'
 * @example describeValue([[[[[[1]]]]]]) // "[[[[[…]]]]]"
 */
export function describeValue(value: unknown): string {
  const text = shownJson(value, 0);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function shownJson(value: unknown, depth: number): string {
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? String(value);
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (depth >= MAX_SHOWN_DEPTH) return "[…]";
    const items = value.slice(0, 20).map((v) => shownJson(v, depth + 1));
    return `[${items.join(",")}${value.length > 20 ? ",…" : ""}]`;
  }
  if (depth >= MAX_SHOWN_DEPTH) return "{…}";
  const entries = Object.entries(value).slice(0, 20);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${shownJson(v, depth + 1)}`).join(",")}}`;
}
