/**
 * One error type for the whole domain: a stable machine-readable `code`, a one-line
 * human message, and details that say where the problem is (field, line, value).
 * Adapters map codes once: the CLI to exit status 2, HTTP to a status table.
 *
 * Build one with the factories below, never by hand (eslint.config.js enforces it), so the
 * vocabulary stays one (docs/errors.md).
 *
 * @example throw invalidDose("dose: '0.5' has no unit", { field: "dose", value: "0.5" })
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

/**
 * Builds an `invalid_argument` error naming the field and the value given.
 *
 * @example throw invalidArgument("pain", 12, "must be 0 to 10") // "pain: must be 0 to 10 (got 12)"
 */
export function invalidArgument(field: string, value: unknown, why: string): DomainError {
  return new DomainError("invalid_argument", `${field}: ${why} (got ${describeValue(value)})`, {
    field,
    value,
  });
}

/**
 * A value a rule refuses, without quoting it (a password): `invalid_argument` naming the field.
 *
 * @example throw unacceptable("password", "must be at least 8 characters")
 */
export function unacceptable(field: string, why: string): DomainError {
  return new DomainError("invalid_argument", `${field}: ${why}`, { field });
}

/**
 * `invalid_argument` with the message written whole, for a refusal that does not read
 * `field: why (got value)`: a flag, a file, a line of it, a day missing from a list.
 *
 * @example throw refused("the fill period has no doses: there is nothing to compound", { field: "days" })
 */
export function refused(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError("invalid_argument", message, details);
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
 * @example throw notFound("file", `--key-file: cannot read ${path}`, { field: "--key-file" })
 */
export function notFound(
  what = "record",
  message = `No such ${what}`,
  details: DomainErrorDetails = {},
): DomainError {
  return new DomainError("not_found", message, details);
}

/**
 * The request contradicts what is stored (an email already in use, an Idempotency-Key reused
 * for other data); the same request may succeed once the record changes. `where` is the field,
 * or the details whole when they say more (the value sent).
 *
 * @example throw conflict("email: a@x.example already has an account", "email")
 * @example throw conflict(`fillStart: the fill from ${start} was dispensed already`, { field: "fillStart", value: start })
 */
export function conflict(message: string, where?: string | DomainErrorDetails): DomainError {
  return new DomainError("conflict", message, typeof where === "string" ? { field: where } : (where ?? {}));
}

/**
 * The record must change first: a plan cannot start while screening has pregnancy "unknown".
 *
 * @example throw pregnancyUnknown("screening.pregnancy", 'pregnancy status is "unknown"; record it first')
 */
export function pregnancyUnknown(field: string, why: string): DomainError {
  return new DomainError("pregnancy_unknown", `${field}: ${why}`, { field, value: "unknown" });
}

/**
 * Wrong login or password, or no session (401 over HTTP).
 *
 * @example throw unauthenticated("Wrong login or password")
 */
export function unauthenticated(message: string): DomainError {
  return new DomainError("unauthenticated", message);
}

/**
 * Signed in, but this role may not do it (403 over HTTP).
 *
 * @example throw forbidden("Your role cannot do this")
 */
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
 * A request body in a type the server does not take (415 over HTTP).
 *
 * @example throw unsupportedMediaType("Send the request body as application/json")
 */
export function unsupportedMediaType(message: string): DomainError {
  return new DomainError("unsupported_media_type", message);
}

/**
 * A dose that cannot be a dose: not whole micrograms, not whole units, over the label maximum.
 *
 * @example throw invalidDose(`${field}: a dose of 0 mcg`, { field, value: 0 })
 */
export function invalidDose(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError("invalid_dose", message, details);
}

/**
 * A dose written in a unit its protocol or opioid is not measured in.
 *
 * @example throw unitMismatch('dose: "1 mg" is in mg; write mcg', { field: "dose", value: "1 mg" })
 */
export function unitMismatch(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError("unit_mismatch", message, details);
}

/**
 * A value beyond a protocol's limits, a setting's range, or a search's budget.
 *
 * @example throw limitExceeded("5.5 mg a day cannot be given within ldn-once-daily's limits", { field: "next", value: 5500 })
 */
export function limitExceeded(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError("limit_exceeded", message, details);
}

/**
 * A date that is not one (2027-02-30), or outside the days allowed.
 *
 * @example throw invalidDate('start: "2027-02-30" is not a date', { field: "start", value: "2027-02-30" })
 */
export function invalidDate(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError("invalid_date", message, details);
}

/**
 * A protocol id the catalogue does not hold, listing those it does.
 *
 * @example throw unknownProtocol("ldn-9", ["fixed-standard", "micro-titration"])
 */
export function unknownProtocol(id: string, known: readonly string[]): DomainError {
  return new DomainError(
    "unknown_protocol",
    `unknown protocol "${id}"; known protocols: ${known.join(", ")}`,
    {
      field: "protocol",
      value: id,
    },
  );
}

/**
 * A setting the protocol does not have, listing those it has.
 *
 * @example throw unknownSetting("conventional-titration", "stepUg", ["startDose", "step", "intervalDays", "times"])
 */
export function unknownSetting(protocolId: string, key: string, known: readonly string[]): DomainError {
  return new DomainError(
    "unknown_setting",
    `${protocolId} has no setting "${key}" (settings: ${known.join(", ")})`,
    {
      field: key,
    },
  );
}

/**
 * An opioid name the conversion table does not know; the message says what to write instead.
 *
 * @example throw unknownOpioid("pethidine", 'unknown opioid "pethidine"; known: morphine, ...')
 */
export function unknownOpioid(name: string, message: string): DomainError {
  return new DomainError("unknown_opioid", message, { field: "drug", value: name });
}

/**
 * A known opioid that has no MME factor here (a refusal with its reason).
 *
 * @example throw unsupportedOpioid("buprenorphine", "it has no MME conversion factor in CDC 2022 ...")
 */
export function unsupportedOpioid(drug: string, why: string): DomainError {
  return new DomainError("unsupported_opioid", `${drug} cannot be converted to MME: ${why}`, {
    field: "drug",
    value: drug,
  });
}

/**
 * The same error told again with another code, message or details, its stack kept: the HTTP
 * layer locates a use case's field in the request, or calls a domain parser's refusal malformed.
 *
 * @example throw restated(error, { code: "invalid_request" })
 */
export function restated(
  error: DomainError,
  change: { code?: DomainErrorCode; message?: string; details?: DomainErrorDetails },
): DomainError {
  const told = new DomainError(
    change.code ?? error.code,
    change.message ?? error.message,
    change.details ?? error.details,
  );
  told.stack = error.stack;
  return told;
}

/**
 * Runs `work`, naming `field` in a DomainError it throws: a parser deep in the domain names what
 * it checks (`opioid`, `risk factor`), its caller where the input held it (`opioids[2]`).
 *
 * @example atField("opioids[0]", () => parseOpioidRegimens("pethidine 50mg")) // throws "opioids[0]: unknown opioid ..."
 */
export function atField<T>(field: string, work: () => T): T {
  return renaming(() => field, work);
}

/**
 * Runs `work`, putting `prefix` before the field a DomainError it throws names: a parser names
 * a setting (`stepUg`), its caller where the input held the settings (`settings.stepUg`).
 *
 * @example underField("settings", () => resolveSettings(protocol, { stepUg: 5 })) // throws "settings.stepUg: ..."
 */
export function underField<T>(prefix: string, work: () => T): T {
  return renaming((inner) => (inner === undefined ? prefix : `${prefix}.${inner}`), work);
}

function renaming<T>(rename: (inner: string | undefined) => string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const inner = typeof error.details.field === "string" ? error.details.field : undefined;
    const field = rename(inner);
    const why =
      inner !== undefined && error.message.startsWith(`${inner}: `)
        ? error.message.slice(inner.length + 2)
        : error.message;
    throw restated(error, { message: `${field}: ${why}`, details: { ...error.details, field } });
  }
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
