/** Health and the API's own description. */
import { z } from "zod/v4";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { defineRoute, type RouteDefinition } from "../route.ts";
import { openApiDocument, OpenApiDocumentSchema } from "../openapi.ts";

/** @example systemRoutes(() => ROUTES) */
export function systemRoutes(all: () => readonly RouteDefinition[]): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/health",
      summary: "Whether the server is up and its database answers (503 when it does not)",
      tag: "system",
      access: { kind: "public" },
      action: "health",
      response: z.object({ ok: z.boolean(), version: z.string(), database: z.enum(["ok", "unavailable"]) }),
      handler: async ({ services }) => {
        try {
          // A transaction, not a bare read: on SQLite it takes the write lock and commits, as a
          // check-in must. It reads one row by key and writes nothing.
          await services.store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.get("health-check"));
          return { ok: true, version: "0.1.0", database: "ok" as const };
        } catch {
          return { status: 503, body: { ok: false, version: "0.1.0", database: "unavailable" as const } };
        }
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/openapi.json",
      summary: "This API, as OpenAPI 3.1",
      tag: "system",
      access: { kind: "public" },
      action: "openapi",
      noStore: false,
      response: OpenApiDocumentSchema,
      handler: async () => openApiDocument(all()),
    }),
  ];
}
