/**
 * A route is data: method, path, access rule, zod schemas and a transport-neutral handler
 * (Medplum's FhirRouter idea). The Hono app, the OpenAPI description and the access walk test
 * are all made from the same list, so none of them can drift from the others.
 */
import type { z } from "zod/v4";
import type { Repositories, Store } from "../app/ports/store.ts";
import type { Clock } from "../app/ports/clock.ts";
import type { Access } from "./access.ts";
import type { Principal } from "./principal.ts";
import type { ServerSettings } from "./settings.ts";
import type { PasswordHasher } from "../app/ports/password-hasher.ts";
import type { LoginThrottle } from "../app/ports/login-throttle.ts";
import type { SmartSettings } from "./smart/smart-settings.ts";

export type Method = "get" | "post" | "put" | "delete";

/** What every handler may use besides its transaction. */
export interface Services {
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: ServerSettings;
  readonly passwords: PasswordHasher;
  readonly throttle: LoginThrottle;
  /** SMART App Launch settings when SMART is on (smart/smart-settings.ts): write-back refreshes tokens with the client id. */
  readonly smart?: SmartSettings | null;
}

export interface RequestContext<P, Q, B> {
  readonly principal: Principal | null;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly services: Services;
  /** The client's address (behind a trusted proxy, the one it forwarded), for throttling and audit. */
  readonly clientAddress: string;
  /** A request header, lower-case name. */
  header(name: string): string | undefined;
  /**
   * The transaction the route runs in, as the principal; the access check has already run in it.
   * Public routes and routes with `ownTransactions` get none (they open their own).
   */
  readonly tx: Repositories;
}

/** A response as a handler may build it: the schema's type, with readonly arrays and fields allowed. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Out<R extends z.ZodType> = DeepReadonly<z.infer<R>>;

/** What a handler returns: a body, or a body with a status and a change to the session cookie. */
export interface RouteResult<R> {
  readonly status?: number;
  readonly body: R;
  /** A file instead of JSON (a printable PDF); `body` is then ignored. */
  readonly file?: { readonly bytes: Uint8Array; readonly contentType: string; readonly filename: string };
  /** Set a new session cookie (login) or clear it (logout). */
  readonly session?: { readonly token: string } | "clear";
}

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: Method;
  /** Hono style: `/api/patients/:patientId`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  /** The audit action for a refused or failed attempt, e.g. `diary.record`. */
  readonly action: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** The status of a success when the handler does not say (default 200). */
  readonly successStatus?: number;
  /**
   * The handler opens its own transactions (`services.store`), because it does slow work that
   * must not hold a write lock (hashing a password, a call to the EHR). On a patient route the
   * access check runs (and a refusal is audited) in a transaction of its own first; failures are
   * still audited.
   */
  readonly ownTransactions?: boolean;
  /** The handler acts only through `tx`: see `TransactionOptions.rerunnable` (ports/store.ts). */
  readonly rerunnable?: boolean;
  /** Patient data in the response: sent with `Cache-Control: no-store` (default true). */
  readonly noStore?: boolean;
  handler(ctx: RequestContext<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult<Out<R>> | Out<R>>;
}

/**
 * Declares a route with its types inferred from the schemas.
 *
 * @example
 * defineRoute({ method: "get", path: "/api/health", summary: "Is the server up", tag: "system",
 *   access: { kind: "public" }, action: "health", response: z.object({ ok: z.boolean() }),
 *   handler: async () => ({ ok: true }) });
 */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(route: RouteDefinition<P, Q, B, R>): RouteDefinition {
  return route as unknown as RouteDefinition;
}
