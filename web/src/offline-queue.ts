/**
 * Check-ins made without a connection wait in localStorage, each with the Idempotency-Key it was
 * made with, and are sent when the phone is online again. A retry of something the server
 * already has returns 200 with the stored entry, so nothing is ever stored twice.
 */
import { ApiError, api } from "./api.ts";

const KEY = "ldn.pendingCheckIns";

export interface PendingCheckIn {
  readonly patientId: string;
  readonly key: string;
  readonly body: unknown;
}

function read(): PendingCheckIn[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as PendingCheckIn[];
  } catch {
    return [];
  }
}

const write = (items: readonly PendingCheckIn[]) => localStorage.setItem(KEY, JSON.stringify(items));

/** How many check-ins are waiting to be sent. */
export const pendingCount = (): number => read().length;

/**
 * Sends a check-in now, or keeps it for later when the network is down.
 * Resolves to "sent" or "queued"; a refusal by the server (bad data) throws.
 */
export async function sendCheckIn(item: PendingCheckIn): Promise<"sent" | "queued"> {
  try {
    await api.post(`/api/patients/${item.patientId}/check-ins`, item.body, { "idempotency-key": item.key });
    return "sent";
  } catch (error) {
    if (error instanceof ApiError) throw error;
    write([...read().filter((p) => p.key !== item.key), item]);
    return "queued";
  }
}

let flushing = false;

/** Sends what is waiting, oldest first; stops at the first network failure. */
export async function flushQueue(): Promise<number> {
  if (flushing || !navigator.onLine) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (const item of read()) {
      try {
        await api.post(`/api/patients/${item.patientId}/check-ins`, item.body, {
          "idempotency-key": item.key,
        });
      } catch (error) {
        if (!(error instanceof ApiError)) break;
        // The server refused it (e.g. signed out): keep it unless it was bad data.
        if (error.status === 401) break;
      }
      write(read().filter((p) => p.key !== item.key));
      sent++;
    }
  } finally {
    flushing = false;
  }
  if (sent > 0) window.dispatchEvent(new Event("ldn-synced"));
  return sent;
}
