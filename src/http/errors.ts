/**
 * Errors over HTTP: every error is JSON `{ error: { code, message, field? } }`, and this file
 * holds the one table from error code to status (Medplum's `getStatus` idea).
 */
import type { DomainErrorCode } from "../domain/errors.ts";

export type HttpErrorCode = DomainErrorCode;

/** The one table from error code to HTTP status. */
export const STATUS_OF: Readonly<Record<HttpErrorCode, number>> = Object.freeze({
  invalid_dose: 422,
  unit_mismatch: 422,
  limit_exceeded: 422,
  invalid_argument: 422,
  invalid_date: 422,
  unknown_protocol: 422,
  unknown_setting: 422,
  unknown_opioid: 422,
  unsupported_opioid: 422,
  // 409, not 422: the request is well formed; the patient's screening must change first, and
  // the same request then succeeds.
  pregnancy_unknown: 409,
  invalid_request: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  too_many_requests: 429,
  unsupported_media_type: 415,
});

/** An error a route raises on purpose; the app turns it into JSON with its status. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly field?: string,
    /** For `too_many_requests`: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The one answer for a record that is missing or that the caller may not see: they look the same. */
export const notFound = (what = "record"): HttpError => new HttpError("not_found", `No such ${what}`);
