/**
 * The one normaliser from a thrown error to what its user is told (Medplum's `normalizeOperationOutcome`
 * idea): HTTP answers it as JSON with the status for its code, the CLI prints its message and
 * exits 2, `ldn assess` writes it as the line's error. Anything it does not know is an internal
 * fault: logged, never shown.
 */
import { DomainError, type DomainErrorCode } from "./errors.ts";

export interface Problem {
  readonly code: DomainErrorCode;
  /** One line for a person, starting with the field when there is one (`body.pain: ...`). */
  readonly message: string;
  /** Where the problem is: `body.pain`, `query.from`, `Idempotency-Key`, `--email`, a line's field. */
  readonly field?: string;
  /** For `too_many_requests`: when to try again. */
  readonly retryAfterSeconds?: number;
}

/** A zod error, recognised by its shape (the domain does not depend on zod). */
interface ZodLike {
  readonly name: "ZodError";
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}

/**
 * The problem an error describes, or undefined for an internal fault.
 *
 * @example problemOf(invalidArgument("pain", 11, "must be 0-10")) // { code: "invalid_argument", field: "pain", ... }
 * @example problemOf(new TypeError("x is undefined")) // undefined
 */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof DomainError) {
    const { field, retryAfterSeconds } = error.details;
    return {
      code: error.code,
      message: error.message,
      ...(typeof field === "string" ? { field } : {}),
      ...(typeof retryAfterSeconds === "number" ? { retryAfterSeconds } : {}),
    };
  }
  if (isZodError(error)) {
    const issue = error.issues[0];
    const field = issue && issue.path.length > 0 ? fieldPath("", issue.path) : undefined;
    const why = issue?.message ?? "invalid";
    return {
      code: "invalid_request",
      message: field ? `${field}: ${why}` : why,
      ...(field ? { field } : {}),
    };
  }
  return undefined;
}

/**
 * A field's path as every error writes it: dots between names, brackets around indices.
 *
 * @example fieldPath("body", ["doses", 0, "ug"]) // "body.doses[0].ug"
 */
export function fieldPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, key) =>
      typeof key === "number" ? `${at}[${key}]` : at === "" ? String(key) : `${at}.${String(key)}`,
    root,
  );
}

function isZodError(error: unknown): error is ZodLike {
  return (
    error instanceof Error && error.name === "ZodError" && Array.isArray((error as Partial<ZodLike>).issues)
  );
}
