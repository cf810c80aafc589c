/**
 * SMART launches (issue 15), kept in the database so every ldn process sharing it can finish a
 * launch another began and send with its token. The tokens never leave the server: no route
 * answers with them. Expired rows are never found, and are deleted as new launches are written.
 */
import type { ScreeningAnswers } from "../use-cases/enrol-patient.ts";

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

/** What a launch read from the EHR, for the enrolment form (src/fhir/read-patient-bundle.ts). */
export interface LaunchPrefill {
  readonly displayName: string;
  readonly answers: ScreeningAnswers;
  readonly skipped: readonly string[];
}

/** After the callback: what was read from the EHR, and the tokens (server-side only). */
export interface FinishedLaunch {
  readonly id: string;
  readonly sessionId: string;
  readonly iss: string;
  readonly ehrPatientId: string;
  readonly accessToken: string;
  /** Granted with `offline_access` or `online_access`; null otherwise. */
  readonly refreshToken: string | null;
  readonly tokenEndpoint: string;
  readonly scope: string;
  readonly prefill: LaunchPrefill;
  /** When the access token expires, milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface SmartLaunchRepository {
  /** @example const { state } = await tx.smartLaunches.begin({ sessionId, iss, verifier, tokenEndpoint }, Date.now()); */
  begin(launch: Omit<PendingLaunch, "state" | "expiresAt">, nowMs: number): Promise<PendingLaunch>;
  /** The pending launch of this state and session, used once: a replayed state finds nothing. */
  take(state: string, sessionId: string, nowMs: number): Promise<PendingLaunch | undefined>;
  finish(launch: Omit<FinishedLaunch, "id">, nowMs: number): Promise<FinishedLaunch>;
  /** A finished launch, only for the session that made it; found after its token expired when it can be refreshed. */
  get(id: string, sessionId: string, nowMs: number): Promise<FinishedLaunch | undefined>;
  /** A refreshed token replaces the old one. */
  renew(
    id: string,
    token: { accessToken: string; refreshToken: string | null; expiresAt: number },
  ): Promise<void>;
}
