/**
 * Request validation with zod: the first problem becomes one clear error naming the field.
 * Whatever a route's schemas refuse, the domain's own parsers run as schemas included (the
 * check-in), is a malformed request: 400 `invalid_request` (docs/errors.md).
 */
import type { z } from "zod/v4";
import { badRequest, DomainError, restated } from "../domain/errors.ts";
import { fieldPath } from "../domain/problem.ts";

/**
 * Parses `value` with `schema`, or throws `invalid_request` naming the field (`body.pain`).
 *
 * @example parseWith(z.object({ pain: z.number() }), { pain: "x" }, "body") // throws "body.pain: ..."
 */
export function parseWith<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.infer<T> {
  if (schema === undefined) return undefined as z.infer<T>;
  let result: ReturnType<T["safeParse"]>;
  try {
    result = schema.safeParse(value) as ReturnType<T["safeParse"]>;
  } catch (error) {
    // A domain parser run as the schema refused it (its field already says `body.…`).
    if (error instanceof DomainError && error.code !== "invalid_request")
      throw restated(error, { code: "invalid_request" });
    throw error;
  }
  if (result.success) return result.data as z.infer<T>;
  const issue = result.error.issues[0]!;
  throw badRequest(fieldPath(where, issue.path), issue.message);
}
