/** Request validation with zod: the first problem becomes one clear error naming the field. */
import { z } from "zod/v4";
import { HttpError } from "./errors.ts";

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
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join(".");
  throw new HttpError("invalid_request", `${field}: ${issue.message}`, field);
}
