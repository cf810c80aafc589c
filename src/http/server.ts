/**
 * Starting the clinic server: the store, the services and the Hono app on a port.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { MiddlewareHandler } from "hono";
import type { Clock } from "../app/ports/clock.ts";
import type { Store } from "../app/ports/store.ts";
import { createApp } from "./app.ts";
import { gatedHasher, hashGate } from "./auth/hash-gate.ts";
import type { PasswordHasher } from "../app/ports/password-hasher.ts";
import { scryptHasher } from "../crypto/scrypt-hasher.ts";
import type { Services } from "./route.ts";
import { ROUTES } from "./routes/index.ts";
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from "./settings.ts";
import { WEB_DIST, webAssets } from "./web-assets.ts";
import { smartLaunchApp } from "./smart/smart-launch.ts";
import type { SmartSettings } from "./smart/smart-settings.ts";

/** The mail dispatcher the server process runs beside the app (`ldn serve`). */
export { startMailDispatcher } from "./mail/mail-dispatcher.ts";

export interface ServerOptions {
  readonly store: Store;
  readonly clock?: Clock;
  readonly settings?: ServerSettings;
  readonly passwords?: PasswordHasher;
  /** Password hashes run at once (default: one per core, at most 4); the rest wait their turn. */
  readonly hashConcurrency?: number;
  /** The web app's folder; null serves the API alone. */
  readonly webRoot?: string | null;
  /** Where error lines go, with the request's id when request-log.ts gave it one. */
  readonly log?: (message: string, requestId?: string) => void;
  /** Run first on every request (see observability/request-log.ts). */
  readonly middleware?: readonly MiddlewareHandler[];
  /** SMART App Launch settings (smart/smart-settings.ts); absent or null: no /smart routes. */
  readonly smart?: SmartSettings | null;
}

/**
 * The services and the Hono app, not yet listening (tests call `app.request` on it).
 *
 * @example const { app } = buildServer({ store });
 */
export function buildServer(options: ServerOptions) {
  const settings = options.settings ?? DEFAULT_SERVER_SETTINGS;
  const services: Services = {
    store: options.store,
    clock: options.clock ?? { now: () => new Date() },
    settings,
    passwords: gatedHasher(
      options.passwords ?? scryptHasher(),
      hashGate(options.hashConcurrency === undefined ? {} : { concurrent: options.hashConcurrency }),
    ),
    throttle: options.store.loginThrottle(settings.loginWindowMinutes * 60_000),
    smart: options.smart ?? null,
  };
  const webRoot = options.webRoot === undefined ? WEB_DIST : options.webRoot;
  const app = createApp(ROUTES, services, {
    ...(webRoot ? { web: webAssets(webRoot) } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.middleware ? { middleware: options.middleware } : {}),
    ...(options.smart ? { mount: smartLaunchApp(services, options.smart) } : {}),
  });
  return { app, services };
}

/**
 * Listens on `port` (0 picks a free one) on `host`; resolves once listening.
 *
 * @example const { server, port } = await listen(buildServer({ store }).app, 3000);
 */
export function listen(
  app: ReturnType<typeof buildServer>["app"],
  port: number,
  host = "127.0.0.1",
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolvePromise) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
      resolvePromise({ server, port: info.port }),
    );
  });
}
