/**
 * The OpenAPI 3.1 description, made from the route list and its zod schemas with zod's own
 * JSON Schema conversion, so it always says what the server does.
 */
import { z } from "zod/v4";
import type { RouteDefinition } from "./route.ts";
import { STATUS_OF } from "./errors.ts";

const ERROR_SCHEMA = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

/** A response as the server sends it (after its transforms). */
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "output" });
/** A request body as the client sends it: before the route's transforms (the check-in's parser). */
const input = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });

/**
 * The document's outline. Each operation inside is an OpenAPI 3.1 Operation Object, which the
 * OpenAPI specification itself describes (with JSON Schema for the bodies): restating that in zod
 * would say it twice.
 */
export const OpenApiDocumentSchema = z.object({
  openapi: z.literal("3.1.0"),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown()).describe("the operations by method")),
});

/** @example openApiDocument(ROUTES).paths["/api/patients"].get.summary */
export function openApiDocument(routes: readonly RouteDefinition[]): z.infer<typeof OpenApiDocumentSchema> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const parameters = [
      ...Object.keys(shapeOf(route.params)).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...Object.entries(shapeOf(route.query)).map(([name, schema]) => ({
        name,
        in: "query",
        required: !schema.safeParse(undefined).success,
        schema: json(schema),
      })),
    ];
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      "x-access": route.access,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: input(route.body) } } } }
        : {}),
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: "Success",
          content: { "application/json": { schema: json(route.response) } },
        },
        default: {
          description: `An error; codes and statuses: ${Object.entries(STATUS_OF)
            .map(([c, s]) => `${c} ${s}`)
            .join(", ")}`,
          content: { "application/json": { schema: ERROR_SCHEMA } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "ldn clinic server",
      version: "0.1.0",
      description:
        "Low-dose naltrexone titration for pain clinics. Sign in with POST /api/session; the session is an HttpOnly cookie.",
    },
    paths,
  };
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
}
