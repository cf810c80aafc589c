/**
 * The Hono app: adapts the route list to HTTP. Per request: security headers, CSRF guard,
 * session, access rule, validation, one transaction as the signed-in person with the patient
 * access check inside it, the handler, and errors mapped by the one table in errors.ts.
 */
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Repositories } from "../app/ports/store.ts";
import { problemOf } from "../domain/problem.ts";
import { decideAccess, mayReachPatient } from "./access.ts";
import { authenticate, SESSION_COOKIE } from "./auth/sessions.ts";
import { bodyLimit } from "./body-limit.ts";
import { clientAddressOf } from "./client-address.ts";
import { csrfGuard } from "./csrf.ts";
import { errorResponse } from "./error-response.ts";
import { badRequest, forbidden, notFound, unauthenticated } from "../domain/errors.ts";
import { inRequest } from "./field-paths.ts";
import { logSafe } from "./log-text.ts";
import { actorOf, type Principal } from "./principal.ts";
import type { RouteDefinition, RouteResult, Services } from "./route.ts";
import { securityHeaders } from "./security-headers.ts";
import { parseJsonBody, refuseHostileText } from "./request-input.ts";
import { parseWith } from "./validate.ts";

export interface AppOptions {
  /** Serves the web app's files for every path outside /api (see web-assets.ts). */
  readonly web?: (c: Context) => Promise<Response>;
  /** Where internal faults are reported (never to the client), with the request's id if any. */
  readonly log?: (message: string, requestId?: string) => void;
  /** Run first on every request (the request id, its log line and metrics). */
  readonly middleware?: readonly MiddlewareHandler[];
  /** Routes outside the API answering with redirects (SMART launch, see smart/smart-launch.ts). */
  readonly mount?: Hono;
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
  for (const middleware of options.middleware ?? []) app.use("*", middleware);
  app.use(
    "*",
    securityHeaders((c) => isSecure(c, services)),
  );
  app.use(
    "/api/*",
    csrfGuard((c, reason) => auditCsrfRefusal(c, services, reason)),
  );
  app.use(
    "/api/*",
    bodyLimit(MAX_BODY_BYTES, () => {
      throw badRequest("body", `larger than ${MAX_BODY_BYTES / 1024} KiB`);
    }),
  );
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, (c) => handle(c, route, services));
  }
  app.all("/api/*", () => {
    throw notFound("API route");
  });
  if (options.mount) app.route("/", options.mount);
  if (options.web) {
    // The web app's files go gzipped (61 kB of script is 21 kB on the wire); API answers do not,
    // so no secret ever shares a compressed body with text an attacker chose (BREACH).
    app.get("*", compress(), options.web);
  }
  app.onError((error, c) => errorResponse(c, error, (message) => log(message, c.get("requestId"))));
  return app;
}

async function handle(c: Context, route: RouteDefinition, services: Services): Promise<Response> {
  const principal = await authenticate(services, getCookie(c, SESSION_COOKIE));
  const decision = decideAccess(route.access, principal);
  if (decision === "unauthenticated" || decision === "forbidden") {
    await auditRefusal(c, route, services, principal, decision);
    if (decision === "unauthenticated") throw unauthenticated("Sign in first");
    throw forbidden("Your role cannot do this");
  }
  let input: { params: unknown; query: unknown; body: unknown };
  try {
    input = await readInput(c, route);
  } catch (error) {
    // Refused before any transaction: audited all the same, and on another clinic's patient it
    // is the access refusal that answers (404, as for a missing record), never the input's fault.
    if (await auditBadInput(c, route, services, principal, decision, error)) throw notFound();
    throw error;
  }
  const { params, query, body } = input;
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
    // Public routes open their own transactions (login hashes a password outside any lock) and
    // audit their own outcomes.
    result = await route.handler({ ...base, tx: NO_TRANSACTION }).catch((error: unknown) => {
      throw inRequest(error, input);
    });
  } else {
    try {
      const checkPatient = decision === "check-patient";
      result = route.ownTransactions
        ? // The access check commits on its own, then the handler's slow work holds no lock.
          checkPatient &&
          !(await services.store.transaction(actorOf(principal), (tx) =>
            mayReach(tx, principal, params, route.action),
          ))
          ? DENIED
          : await route.handler({ ...base, tx: NO_TRANSACTION })
        : await services.store.transaction(
            actorOf(principal),
            async (tx) => {
              if (checkPatient && !(await mayReach(tx, principal, params, route.action))) return DENIED;
              return route.handler({ ...base, tx });
            },
            { rerunnable: route.rerunnable === true },
          );
    } catch (error) {
      const located = inRequest(error, input);
      await auditFailure(services, route, principal, params, located);
      throw located;
    }
    if (result === DENIED) throw notFound();
  }
  return respond(c, route, services, result);
}

/** The request's path parameters, query and body, refused when hostile and checked by the route's schemas. */
async function readInput(c: Context, route: RouteDefinition) {
  const rawParams = c.req.param();
  const rawQuery = c.req.query();
  refuseHostileText(rawParams, "params");
  refuseHostileText(rawQuery, "query");
  const params = parseWith(route.params, rawParams, "params");
  const query = parseWith(route.query, rawQuery, "query");
  const body = parseWith(route.body, route.body ? await readJson(c) : undefined, "body");
  return { params, query, body };
}

/** What an audit event says about an error: its code, and the field it names. */
function errorDetails(error: unknown): Record<string, unknown> {
  const problem = problemOf(error);
  const field = problem?.field;
  return { code: problem?.code ?? "internal", ...(field ? { field: field.slice(0, 200) } : {}) };
}

/** A path's patient id when it is fit to look up (hostile text never reaches a query). */
function patientIdIn(c: Context): string | undefined {
  const id = c.req.param("patientId");
  if (typeof id !== "string" || id === "" || id.length > 100) return undefined;
  try {
    refuseHostileText(id, "params.patientId");
  } catch {
    return undefined;
  }
  return id;
}

/**
 * Audits input refused before the transaction. On a patient route the access check runs first
 * (and audits a refusal itself): returns true when the caller may not reach that patient.
 */
async function auditBadInput(
  c: Context,
  route: RouteDefinition,
  services: Services,
  principal: Principal | null,
  decision: string,
  error: unknown,
): Promise<boolean> {
  if (!problemOf(error)) return false;
  const patientId = route.access.kind === "patient" ? patientIdIn(c) : undefined;
  const actor = principal ? actorOf(principal) : ANONYMOUS;
  const result = await services.store.transaction(actor, async (tx) => {
    if (decision === "check-patient" && principal && patientId !== undefined) {
      if (!(await mayReach(tx, principal, { patientId }, route.action))) return DENIED;
    }
    await tx.audit.record({
      action: route.action,
      patientId: patientId ?? null,
      outcome: "failure",
      details: errorDetails(error),
    });
    return null;
  });
  return result === DENIED;
}

/**
 * Audits a request that failed in its transaction (whose own events were rolled back with it;
 * the store keeps those, marked as failures): what was attempted, on which patient or staff
 * member, and the error's code.
 */
async function auditFailure(
  services: Services,
  route: RouteDefinition,
  principal: Principal,
  params: unknown,
  error: unknown,
): Promise<void> {
  const p = (params ?? {}) as { patientId?: unknown; staffId?: unknown };
  await services.store
    .transaction(actorOf(principal), (tx) =>
      tx.audit.record({
        action: route.action,
        patientId: typeof p.patientId === "string" ? p.patientId : null,
        subjectId: typeof p.staffId === "string" ? p.staffId : null,
        outcome: "failure",
        details: errorDetails(error),
      }),
    )
    .catch(() => undefined); // the request's own error is the one to answer with
}

/** A refused attempt is audited too, whoever (or nobody) made it, on any route. */
async function auditRefusal(
  c: Context,
  route: RouteDefinition,
  services: Services,
  principal: Principal | null,
  why: "unauthenticated" | "forbidden",
): Promise<void> {
  const patientId = route.access.kind === "patient" ? patientIdIn(c) : undefined;
  const actor = principal ? actorOf(principal) : ANONYMOUS;
  await services.store.transaction(actor, (tx) =>
    tx.audit.record({
      action: route.action,
      patientId: patientId ?? null,
      outcome: "denied",
      details: { reason: why },
    }),
  );
}

/** A cross-site or non-JSON state change refused by the CSRF guard, audited as `request.refuse`. */
async function auditCsrfRefusal(c: Context, services: Services, reason: string): Promise<void> {
  const principal = await authenticate(services, getCookie(c, SESSION_COOKIE));
  const segment = /^\/api\/patients\/([^/]{1,100})/.exec(c.req.path)?.[1];
  let patientId: string | null = null;
  try {
    if (segment !== undefined) refuseHostileText(segment, "path");
    patientId = segment ?? null;
  } catch {
    patientId = null;
  }
  await services.store.transaction(principal ? actorOf(principal) : ANONYMOUS, (tx) =>
    tx.audit.record({
      action: "request.refuse",
      patientId,
      outcome: "denied",
      details: { reason, method: c.req.method.slice(0, 10), path: logSafe(c.req.path).slice(0, 200) },
    }),
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
    throw new Error("this route opens its own transactions (services.store.transaction)");
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
  if (c.req.url.startsWith("https:")) return true;
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
