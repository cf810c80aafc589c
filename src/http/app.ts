/**
 * The Hono app: adapts the route list to HTTP. Per request: security headers, CSRF guard,
 * session, access rule, validation, one transaction as the signed-in person with the patient
 * access check inside it, the handler, and errors mapped by the one table in errors.ts.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { ZodError } from "zod/v4";
import type { Repositories } from "../app/ports/store.ts";
import { DomainError } from "../domain/errors.ts";
import { decideAccess, mayReachPatient } from "./access.ts";
import { authenticate, SESSION_COOKIE } from "./auth/sessions.ts";
import { clientAddressOf } from "./client-address.ts";
import { csrfGuard } from "./csrf.ts";
import { HttpError, STATUS_OF, notFound } from "./errors.ts";
import { logDetail, logSafe } from "./log-text.ts";
import { actorOf, type Principal } from "./principal.ts";
import type { RouteDefinition, RouteResult, Services } from "./route.ts";
import { securityHeaders } from "./security-headers.ts";
import { parseJsonBody, refuseHostileText } from "./request-input.ts";
import { parseWith } from "./validate.ts";

export interface AppOptions {
  /** Serves the web app's files for every path outside /api (see web-assets.ts). */
  readonly web?: (c: Context) => Promise<Response>;
  /** Where internal faults are reported (never to the client). */
  readonly log?: (message: string) => void;
}

/** No request here needs more: a day's check-in is under 3 KiB with the longest note. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Which clinic each patient belongs to, remembered: a patient never moves clinic and is never
 * deleted, so the answer cannot go stale, and the check-in path saves a query. Bounded.
 */
const PATIENT_CLINIC = new Map<string, string>();
const MAX_REMEMBERED = 100_000;
function remember(patientId: string, clinicId: string): void {
  if (PATIENT_CLINIC.size >= MAX_REMEMBERED) PATIENT_CLINIC.clear();
  PATIENT_CLINIC.set(patientId, clinicId);
}

/** Returned from the transaction when a patient access is refused, so its audit event commits. */
const DENIED = Symbol("denied");

/**
 * @example
 * const app = createApp(ROUTES, services);
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createApp(
  routes: readonly RouteDefinition[],
  services: Services,
  options: AppOptions = {},
): Hono {
  const app = new Hono();
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  app.use(
    "*",
    securityHeaders((c) => isSecure(c, services)),
  );
  app.use("/api/*", csrfGuard());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(
          "invalid_request",
          `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
          "body",
        );
      },
    }),
  );
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, (c) => handle(c, route, services));
  }
  app.all("/api/*", () => {
    throw new HttpError("not_found", "No such API route");
  });
  if (options.web) {
    // The web app's files go gzipped (61 kB of script is 21 kB on the wire); API answers do not,
    // so no secret ever shares a compressed body with text an attacker chose (BREACH).
    app.get("*", compress(), options.web);
  }
  app.onError((error, c) => errorResponse(c, error, log));
  return app;
}

async function handle(c: Context, route: RouteDefinition, services: Services): Promise<Response> {
  const principal = await authenticate(services, getCookie(c, SESSION_COOKIE));
  const decision = decideAccess(route.access, principal);
  if (decision === "unauthenticated" || decision === "forbidden") {
    await auditRefusal(c, route, services, principal, decision);
    if (decision === "unauthenticated") throw new HttpError("unauthenticated", "Sign in first");
    throw new HttpError("forbidden", "Your role cannot do this");
  }
  const rawParams = c.req.param();
  const rawQuery = c.req.query();
  refuseHostileText(rawParams, "params");
  refuseHostileText(rawQuery, "query");
  const params = parseWith(route.params, rawParams, "params");
  const query = parseWith(route.query, rawQuery, "query");
  const body = parseWith(route.body, route.body ? await readJson(c) : undefined, "body");
  const base = {
    principal,
    params,
    query,
    body,
    services,
    clientAddress: clientAddress(c, services),
    header: (name: string) => c.req.header(name),
  };
  let result: RouteResult<unknown> | unknown;
  if (principal === null || route.access.kind === "public") {
    // Public routes open their own transactions (login hashes a password outside any lock).
    result = await route.handler({ ...base, tx: NO_TRANSACTION });
  } else {
    result = await services.store.transaction(actorOf(principal), async (tx) => {
      if (decision === "check-patient" && !(await mayReach(tx, principal, params, route.action)))
        return DENIED;
      return route.handler({ ...base, tx });
    });
    if (result === DENIED) throw notFound();
  }
  return respond(c, route, services, result);
}

/** A refused attempt on a patient's record is audited too, whoever (or nobody) made it. */
async function auditRefusal(
  c: Context,
  route: RouteDefinition,
  services: Services,
  principal: Principal | null,
  why: "unauthenticated" | "forbidden",
): Promise<void> {
  const patientId = route.access.kind === "patient" ? c.req.param("patientId") : undefined;
  if (!patientId || patientId.length > 100) return;
  const actor = principal ? actorOf(principal) : ANONYMOUS;
  await services.store.transaction(actor, (tx) =>
    tx.audit.record({ action: route.action, patientId, outcome: "denied", details: { reason: why } }),
  );
}

/** Who an attempt without a session is recorded as. */
const ANONYMOUS = Object.freeze({ kind: "system" as const, id: "anonymous" });

/**
 * The patient named in the path must be the caller (a patient) or in the caller's clinic (staff).
 * A refusal is audited, committed, and then answered exactly as a missing record is.
 */
async function mayReach(
  tx: Repositories,
  principal: Principal,
  params: unknown,
  action: string,
): Promise<boolean> {
  const patientId = (params as { patientId?: string }).patientId;
  if (patientId === undefined) throw new Error("a patient route has no :patientId parameter");
  const clinicId = PATIENT_CLINIC.get(patientId) ?? (await tx.patients.clinicOf(patientId));
  if (clinicId !== undefined) remember(patientId, clinicId);
  const patient = clinicId === undefined ? undefined : { id: patientId, clinicId };
  if (mayReachPatient(principal, patient)) return true;
  await tx.audit.record({
    action,
    patientId,
    outcome: patient === undefined ? "failure" : "denied",
    details: { reason: patient === undefined ? "no such patient" : "not this caller's patient" },
  });
  return false;
}

const NO_TRANSACTION = new Proxy({} as Repositories, {
  get() {
    throw new Error("public routes open their own transactions (services.store.transaction)");
  },
});

function respond(c: Context, route: RouteDefinition, services: Services, result: unknown): Response {
  const r = isRouteResult(result) ? result : { body: result };
  if (r.session === "clear") deleteCookie(c, SESSION_COOKIE, { path: "/" });
  else if (r.session) {
    setCookie(c, SESSION_COOKIE, r.session.token, {
      path: "/",
      httpOnly: true,
      sameSite: "Strict",
      secure: isSecure(c, services),
      maxAge: services.settings.sessionMaxHours * 3600,
    });
  }
  if (route.noStore !== false) c.header("Cache-Control", "no-store");
  if (r.file) {
    c.header("Content-Type", r.file.contentType);
    c.header("Content-Disposition", `inline; filename="${r.file.filename}"`);
    return c.body(r.file.bytes as Uint8Array<ArrayBuffer>, 200);
  }
  return c.json(r.body as object, (r.status ?? route.successStatus ?? 200) as 200);
}

function isRouteResult(value: unknown): value is RouteResult<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    "body" in value &&
    Object.keys(value).every((k) => ["body", "status", "session", "file"].includes(k))
  );
}

function isSecure(c: Context, services: Services): boolean {
  if (services.settings.secureCookies) return true;
  if (new URL(c.req.url).protocol === "https:") return true;
  return services.settings.trustProxy && c.req.header("x-forwarded-proto") === "https";
}

async function readJson(c: Context): Promise<unknown> {
  return parseJsonBody(await c.req.text());
}

function clientAddress(c: Context, services: Services): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return clientAddressOf(
    env?.incoming?.socket?.remoteAddress,
    c.req.header("x-forwarded-for"),
    services.settings.trustProxy,
  );
}

function errorResponse(c: Context, error: unknown, log: (m: string) => void): Response {
  c.header("Cache-Control", "no-store");
  if (error instanceof HttpError) return jsonError(c, error);
  if (error instanceof DomainError) {
    const field = typeof error.details.field === "string" ? error.details.field : undefined;
    return jsonError(c, new HttpError(error.code, error.message, field));
  }
  if (error instanceof ZodError) return jsonError(c, new HttpError("invalid_request", error.message));
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`ldn server: internal error on ${logSafe(c.req.method)} ${logSafe(c.req.path)}\n${logDetail(detail)}`);
  return c.json(
    { error: { code: "internal", message: "Something went wrong on the server; it has been logged" } },
    500,
  );
}

function jsonError(c: Context, error: HttpError): Response {
  if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
  const body = {
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  };
  return c.json(body, STATUS_OF[error.code] as 400);
}
