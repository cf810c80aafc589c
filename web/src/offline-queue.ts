/**
 * Check-ins made without a connection, or while the server cannot store them, wait in
 * localStorage, each with the Idempotency-Key it was made with, and are sent again when the phone
 * is back online and every little while until the server takes them. A retry of something the
 * server already has returns 200 with the stored entry, so nothing is ever stored twice.
 *
 * Only a definite refusal of that check-in drops it from the queue: the server's own error
 * (400, 409 or 422 with its code) about this request's data. Then the patient is told what was
 * refused and why (`refusedCheckIns`). A 5xx, a 401, 403, 404, 408 or 429, a proxy's error page
 * or a lost connection keeps it (issue 13: a full disk's 500 emptied the queue and the server
 * held nothing).
 */
import { ApiError, api, messageOf } from "./api.ts";

const KEY = "ldn.pendingCheckIns";
const REFUSED_KEY = "ldn.refusedCheckIns";

export interface PendingCheckIn {
  readonly patientId: string;
  readonly key: string;
  readonly body: unknown;
}

/** A queued check-in the server refused: kept so the patient can be told, until they dismiss it. */
export interface RefusedCheckIn extends PendingCheckIn {
  /** The server's words, naming what it refused. */
  readonly message: string;
}

function readList<T>(key: string): T[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

const read = () => readList<PendingCheckIn>(KEY);
const write = (items: readonly PendingCheckIn[]) => localStorage.setItem(KEY, JSON.stringify(items));

/** How many check-ins are waiting to be sent. */
export const pendingCount = (): number => read().length;

/** A check-in of this patient waiting on the phone: its own day and pain, as made. */
export interface WaitingCheckIn {
  readonly key: string;
  readonly date: string;
  readonly pain: number | null;
}

/**
 * This patient's check-ins waiting to be sent, each with the day it was made for (a backdated
 * one keeps its day: it is never taken for today, nor for a day before the plan).
 */
export function waitingCheckIns(patientId: string): WaitingCheckIn[] {
  return read()
    .filter((p) => p.patientId === patientId)
    .map((p) => {
      const body = (p.body ?? {}) as { date?: unknown; pain?: unknown };
      return {
        key: p.key,
        date: typeof body.date === "string" ? body.date : "",
        pain: typeof body.pain === "number" ? body.pain : null,
      };
    });
}

/** Check-ins of this patient the server refused while they waited, oldest first. */
export const refusedCheckIns = (patientId: string): RefusedCheckIn[] =>
  readList<RefusedCheckIn>(REFUSED_KEY).filter((r) => r.patientId === patientId);

/** The patient has read about this refused check-in. */
export function dismissRefused(key: string): void {
  localStorage.setItem(
    REFUSED_KEY,
    JSON.stringify(readList<RefusedCheckIn>(REFUSED_KEY).filter((r) => r.key !== key)),
  );
}

/**
 * The server's own, definite refusal of this request's data: 400 (a field is wrong), 409 (e.g.
 * its key was used for other data) or 422 (the domain's rules), in the server's JSON error.
 * Anything else (a fault, a timeout, signed out, a proxy's page) says nothing about the data.
 *
 * @example isRefusal(new ApiError(422, "invalid_argument", "checkIn.pain: ...")) // true
 * @example isRefusal(new ApiError(500, "internal", "...")) // false
 */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && [400, 409, 422].includes(error.status) && error.code !== "internal";
}

/** Keeps a check-in to send later (replacing an older copy with the same key). */
function keep(item: PendingCheckIn): void {
  write([...read().filter((p) => p.key !== item.key), item]);
  scheduleRetry();
}

/**
 * Sends a check-in now, or keeps it for later: "sent", "queued" when the network is down, or
 * "held" when the server could not take it now (a fault, a timeout). A definite refusal of its
 * data throws (the form still holds it, to correct).
 */
export async function sendCheckIn(item: PendingCheckIn): Promise<"sent" | "queued" | "held"> {
  try {
    await api.post(`/api/patients/${item.patientId}/check-ins`, item.body, { "idempotency-key": item.key });
    return "sent";
  } catch (error) {
    if (isRefusal(error)) throw error;
    keep(item);
    return error instanceof ApiError ? "held" : "queued";
  }
}

let flushing = false;

/**
 * Sends what is waiting, oldest first. A check-in the server definitely refuses is dropped and
 * recorded for the patient (event `ldn-refused`); one it cannot reach or take now stays, and the
 * rest wait behind it (a retry is scheduled). Resolves to how many the server took.
 */
export async function flushQueue(): Promise<number> {
  if (flushing || !navigator.onLine) return 0;
  flushing = true;
  let sent = 0;
  let refused = 0;
  try {
    for (const item of read()) {
      try {
        await api.post(`/api/patients/${item.patientId}/check-ins`, item.body, {
          "idempotency-key": item.key,
        });
        sent++;
      } catch (error) {
        if (!isRefusal(error)) {
          // Another person's check-in on a shared phone (404 to this one): leave it, go on.
          if (error instanceof ApiError && error.status === 404) continue;
          break;
        }
        localStorage.setItem(
          REFUSED_KEY,
          JSON.stringify([
            ...readList<RefusedCheckIn>(REFUSED_KEY).filter((r) => r.key !== item.key),
            { ...item, message: messageOf(error) },
          ]),
        );
        refused++;
      }
      write(read().filter((p) => p.key !== item.key));
    }
  } finally {
    flushing = false;
  }
  if (read().length > 0) scheduleRetry();
  if (sent > 0) window.dispatchEvent(new Event("ldn-synced"));
  if (refused > 0) window.dispatchEvent(new Event("ldn-refused"));
  return sent;
}

/** First retry after a server fault, then doubling up to the longest. */
const FIRST_RETRY_MS = 15_000;
const LONGEST_RETRY_MS = 5 * 60_000;
let retryMs = FIRST_RETRY_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** While check-ins wait, tries again later: the server may be back before the network changes. */
function scheduleRetry(): void {
  if (retryTimer !== undefined) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void flushQueue().then(() => {
      retryMs = read().length > 0 ? Math.min(retryMs * 2, LONGEST_RETRY_MS) : FIRST_RETRY_MS;
    });
  }, retryMs);
}
