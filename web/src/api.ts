/**
 * The web app's only way to the server: JSON over fetch, same origin, the session cookie sent
 * by the browser. Errors come back as ApiError with the server's code, message and field.
 */
import type { Me } from "../../src/http/api/common.ts";
import { withFieldLabel, withoutField } from "./field-label.ts";

export type { Me };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The event the app hears when the server no longer knows this browser's session. */
export const SESSION_ENDED = "ldn-session-ended";

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  }).catch((error: unknown) => {
    window.dispatchEvent(new Event("ldn-unreachable"));
    throw error;
  });
  // An answer the service worker kept from earlier (web/src/sw.ts) means the server was not reached.
  window.dispatchEvent(new Event(res.headers.get("x-ldn-kept") ? "ldn-unreachable" : "ldn-reached"));
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    // A session that has ended (idle, signed out elsewhere): the app shows the sign-in page at
    // this same address and comes back to it once signed in (main.tsx listens).
    if (res.status === 401 && !path.startsWith("/api/session") && path !== "/api/me")
      window.dispatchEvent(new Event(SESSION_ENDED));
    const error = (data as { error?: { code: string; message: string; field?: string } } | null)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? "internal",
      error?.message ?? `The server answered ${res.status}`,
      error?.field,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>("POST", path, body, headers),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/**
 * A message for a person: the server's own words (the field it names put as a form would,
 * "Opioids, line 2" rather than "body.screening.opioids[1]"), or what went wrong with the network.
 */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return withFieldLabel(error.message, error.field);
  if (error instanceof TypeError) return "Cannot reach the clinic server: check your connection.";
  return error instanceof Error ? error.message : String(error);
}

/** The message for beside the field it names: the server's words without that field's name. */
export function reasonOf(error: unknown): string {
  return error instanceof ApiError ? withoutField(error.message, error.field) : messageOf(error);
}
