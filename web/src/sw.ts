/**
 * The service worker of the installed app (issue 12). Built to web/dist/sw.js by
 * scripts/build-web.ts, which sets SHELL_VERSION from the built files, so each new build
 * installs afresh.
 *
 * - The app shell (page, script, styles, manifest, icons) is cached on install, so the app
 *   opens without a connection instead of the browser's error page.
 * - Requests go to the network first; the app shell comes from the cache when it cannot be had.
 * - API reads go to the network first. The signed-in patient's own answers (who they are,
 *   today's doses, schedule, plan, diary, assessment, questionnaires) are kept as the last good
 *   copy, given back when offline, marked `X-Ldn-Kept`. Nothing of a staff member's is kept:
 *   a clinician's browser holds no copy of any patient.
 * - Signing in as someone else, signing out, or a 401 from /api/me empties the kept copy (the
 *   page empties it on sign-out too, offline.tsx), so no one sees another patient's data.
 */

import { DATA_CACHE } from "./kept-data.ts";

declare const SHELL_VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const SHELL_CACHE = `ldn-shell-${SHELL_VERSION}`;
const SHELL_FILES = [
  "/",
  "/app.js",
  "/app.css",
  "/manifest.webmanifest",
  "/icon.svg",
  "/icon-192.png",
  "/icon-512.png",
];

/** The patient's own reads worth keeping for offline use: /api/patients/<id>/<one of these>. */
const KEPT_READS = /^\/api\/patients\/([\w-]+)(\/(today|plans|check-ins|assessment|questionnaires))?$/;

worker.addEventListener("install", (e) => {
  e.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((c) => c.addAll(SHELL_FILES))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("ldn-shell-") && n !== SHELL_CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

/** Who the kept /api/me says is signed in: a patient's id, or null (staff, or no one). */
async function signedInPatient(): Promise<string | null> {
  const me = await (await caches.open(DATA_CACHE)).match("/api/me");
  if (!me) return null;
  const body = (await me.json().catch(() => null)) as { kind?: string; id?: string } | null;
  return body?.kind === "patient" && typeof body.id === "string" ? body.id : null;
}

/**
 * Keeps who is signed in. Someone else (another patient, staff, or no one: 401) means the
 * copy kept so far is not theirs: it is emptied first.
 */
async function keepWho(request: Request, res: Response): Promise<void> {
  const body =
    res.status === 200
      ? ((await res
          .clone()
          .json()
          .catch(() => null)) as { kind?: string; id?: string } | null)
      : null;
  const patient = body?.kind === "patient" && typeof body.id === "string" ? body.id : null;
  if (patient === null || patient !== (await signedInPatient())) await caches.delete(DATA_CACHE);
  if (patient !== null) await (await caches.open(DATA_CACHE)).put(request, res.clone());
}

/** Keeps the signed-in patient's own read for offline use. */
async function keepRead(request: Request, url: URL, res: Response): Promise<void> {
  const match = KEPT_READS.exec(url.pathname);
  if (res.status === 200 && match !== null && match[1] === (await signedInPatient()))
    await (await caches.open(DATA_CACHE)).put(request, res.clone());
}

/** The kept copy, marked as such so the page can say it is offline. */
async function kept(request: Request): Promise<Response> {
  const hit = await (await caches.open(DATA_CACHE)).match(request);
  if (!hit) return Response.error();
  const headers = new Headers(hit.headers);
  headers.set("X-Ldn-Kept", "1");
  return new Response(await hit.blob(), { status: hit.status, statusText: hit.statusText, headers });
}

async function apiRead(request: Request, url: URL): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(request);
  } catch {
    return kept(request);
  }
  if (url.pathname === "/api/me") {
    if (res.status === 200 || res.status === 401) await keepWho(request, res);
  } else await keepRead(request, url, res);
  return res;
}

/** Signing in (or joining) answers who is signed in: kept as /api/me, for the app to open offline. */
async function signIn(request: Request): Promise<Response> {
  const res = await fetch(request);
  if (res.status !== 200) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { me?: unknown } | null;
  if (body?.me)
    await keepWho(
      new Request("/api/me"),
      new Response(JSON.stringify(body.me), { status: 200, headers: { "content-type": "application/json" } }),
    );
  return res;
}

async function shell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cache = await caches.open(SHELL_CACHE);
    // Every page of the app is the same index.html (the server answers it for any path).
    const hit = request.mode === "navigate" ? await cache.match("/") : await cache.match(request);
    return hit ?? Response.error();
  }
}

worker.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (url.origin !== worker.location.origin) return;
  if (url.pathname === "/api/session" && e.request.method === "DELETE") {
    e.waitUntil(caches.delete(DATA_CACHE));
    return;
  }
  if (e.request.method === "POST" && ["/api/session", "/api/invitations/accept"].includes(url.pathname))
    return e.respondWith(signIn(e.request));
  if (e.request.method !== "GET") return;
  if (url.pathname.startsWith("/api/")) e.respondWith(apiRead(e.request, url));
  else e.respondWith(shell(e.request));
});
