/**
 * Errors over HTTP: every error is JSON `{ error: { code, message, field? } }`, and this file
 * holds the one table from error code to status (Medplum's `getStatus` idea). The rule
 * (docs/errors.md): 400 when the request is malformed (its schemas refuse it), 422 when a
 * well-formed value breaks a rule, 409 when it contradicts what is stored. Errors themselves are
 * built by the factories in src/domain/errors.ts, here as everywhere.
 */
import type { DomainErrorCode } from "../domain/errors.ts";

/** The one table from error code to HTTP status. */
export const STATUS_OF: Readonly<Record<DomainErrorCode, number>> = Object.freeze({
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
