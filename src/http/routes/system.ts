/** Health and the API's own description. */
import { z } from "zod/v4";
import { defineRoute, type RouteDefinition } from "../route.ts";
import { openApiDocument } from "../openapi.ts";

/** @example systemRoutes(() => ROUTES) */
export function systemRoutes(all: () => readonly RouteDefinition[]): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/health",
      summary: "Whether the server is up",
      tag: "system",
      access: { kind: "public" },
      action: "health",
      noStore: false,
      response: z.object({ ok: z.literal(true), version: z.string() }),
      handler: async () => ({ ok: true as const, version: "0.1.0" }),
    }),
    defineRoute({
      method: "get",
      path: "/api/openapi.json",
      summary: "This API, as OpenAPI 3.1",
      tag: "system",
      access: { kind: "public" },
      action: "openapi",
      noStore: false,
      response: z.record(z.string(), z.unknown()),
      handler: async () => openApiDocument(all()),
    }),
  ];
}
