/**
 * Field paths as the client sent them. A use case names a field by its own name (`startDate`,
 * `password`); over HTTP the error names where the request carried it (`body.startDate`), as
 * the schemas' own errors do (`body.pain`, `query.from`), so a client reads one convention.
 */
import { DomainError, restated } from "../domain/errors.ts";

const PARTS = ["body", "query", "params"] as const;

export interface RequestInput {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

/**
 * The error with its field (and the message's leading field) located in the request: the part
 * whose top-level key the field starts with. Errors already located, or naming something the
 * request does not carry, are returned as they are.
 *
 * @example inRequest(invalidArgument("startDate", "2020-01-01", "too early"), { body: { startDate: "2020-01-01" }, ... })
 * // field "body.startDate", message "body.startDate: too early (got ...)"
 */
export function inRequest(error: unknown, input: RequestInput): unknown {
  if (!(error instanceof DomainError)) return error;
  const field = error.details.field;
  if (typeof field !== "string" || /^(?:body|query|params)(?:[.[]|$)/.test(field)) return error;
  const head = /^[^.[]+/.exec(field)?.[0] ?? "";
  const has = (p: (typeof PARTS)[number]) => {
    const part = input[p];
    return typeof part === "object" && part !== null && Object.hasOwn(part, head);
  };
  // A field the request does not carry stays as named: it may name a stored record
  // (`screening.pregnancy`), or a header (`Idempotency-Key`).
  const where = PARTS.find(has);
  if (where === undefined) return error;
  const located = `${where}.${field}`;
  const message = error.message.startsWith(`${field}: `)
    ? `${located}: ${error.message.slice(field.length + 2)}`
    : error.message;
  return restated(error, { message, details: { ...error.details, field: located } });
}
