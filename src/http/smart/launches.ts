/**
 * Launches in flight and finished, kept in this process's memory only. Why not the database:
 * the EHR's access token must never leave the server, and a launch lives minutes (state: 10
 * minutes; a finished launch's token: until it expires or 1 hour); a restart just means launching
 * again from the EHR. With several ldn processes behind a balancer, SMART needs sticky sessions.
 */
import { randomBytes } from "node:crypto";
import type { ImportedPatient } from "../../fhir/read-patient-bundle.ts";

/** Between the redirect to the EHR and its callback. */
export interface PendingLaunch {
  readonly state: string;
  /** The ldn session that started it: the callback must come back on the same one. */
  readonly sessionId: string;
  readonly iss: string;
  readonly verifier: string;
  readonly tokenEndpoint: string;
  readonly expiresAt: number;
}

/** After the callback: what was read from the EHR, and the token (server-side only). */
export interface FinishedLaunch {
  readonly id: string;
  readonly sessionId: string;
  readonly iss: string;
  readonly ehrPatientId: string;
  readonly accessToken: string;
  readonly scope: string;
  readonly prefill: ImportedPatient;
  readonly expiresAt: number;
}

const PENDING_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

export class LaunchStore {
  private readonly pending = new Map<string, PendingLaunch>();
  private readonly finished = new Map<string, FinishedLaunch>();

  /** @example const { state } = store.begin({ sessionId, iss, verifier, tokenEndpoint }, Date.now()); */
  begin(launch: Omit<PendingLaunch, "state" | "expiresAt">, now: number): PendingLaunch {
    this.sweep(now);
    const pending = { ...launch, state: randomBytes(32).toString("base64url"), expiresAt: now + PENDING_MS };
    this.pending.set(pending.state, pending);
    return pending;
  }

  /** The pending launch of this state and session, used once: a replayed state finds nothing. */
  take(state: string, sessionId: string, now: number): PendingLaunch | undefined {
    const pending = this.pending.get(state);
    if (pending === undefined || pending.sessionId !== sessionId || pending.expiresAt <= now)
      return undefined;
    this.pending.delete(state);
    return pending;
  }

  finish(launch: Omit<FinishedLaunch, "id">, now: number): FinishedLaunch {
    this.sweep(now);
    const finished = { ...launch, id: randomBytes(16).toString("hex") };
    this.finished.set(finished.id, finished);
    return finished;
  }

  /** A finished launch, only for the session that made it. */
  get(id: string, sessionId: string, now: number): FinishedLaunch | undefined {
    const launch = this.finished.get(id);
    return launch !== undefined && launch.sessionId === sessionId && launch.expiresAt > now
      ? launch
      : undefined;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.pending) if (v.expiresAt <= now) this.pending.delete(k);
    for (const [k, v] of this.finished) if (v.expiresAt <= now) this.finished.delete(k);
    if (this.pending.size > MAX_ENTRIES) this.pending.clear();
    if (this.finished.size > MAX_ENTRIES) this.finished.clear();
  }
}

/** The process's one store: the launch routes and the prefill API share it. */
export const LAUNCHES = new LaunchStore();
