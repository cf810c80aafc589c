/**
 * Write-back (issue 15, item 4): a linked patient's pain ratings and questionnaire scores sent to
 * the EHR ldn was launched from, with that launch's token, as one batch of conditional creates.
 * Refused (409, a plain reason) without a live launch for this patient's EHR patient, or without
 * a scope that lets ldn create Observations. An expired access token is refreshed first when the
 * EHR granted a refresh token (`offline_access`/`online_access`).
 */
import type { Bundle } from "@medplum/fhirtypes";
import type { Actor } from "../../app/ports/actor.ts";
import type { Repositories, Store } from "../../app/ports/store.ts";
import type { FinishedLaunch } from "../../app/ports/smart-launch-repository.ts";
import { conflict } from "../../domain/errors.ts";
import { ehrObservations, tallyWriteBack, writeBackBundle } from "../../fhir/ehr-observations.ts";
import { mayWrite } from "../../fhir/smart/smart-configuration.ts";
import { DEFAULT_TOKEN_SECONDS, refreshAccess } from "./token-endpoint.ts";

export interface SendSummary {
  readonly iss: string;
  readonly created: Readonly<Record<string, number>>;
  readonly alreadyThere: number;
  /** For the clinician: "Sent 23 pain ratings and 2 BPI scores to https://ehr.example/fhir; 0 already there". */
  readonly text: string;
}

/** How long the EHR may take to answer the batch: a clinic setting, not a clinical number. */
const EHR_TIMEOUT_MS = 15_000;

const NO_LAUNCH = "launch: no live SMART launch in this session; open ldn from the EHR again";

/** The launch, if it may write this patient's Observations; else a 409 saying why. */
async function writableLaunch(
  tx: Repositories,
  patientId: string,
  launch: FinishedLaunch | undefined,
): Promise<FinishedLaunch> {
  if (launch === undefined) throw conflict(NO_LAUNCH, "launch");
  const link = await tx.ehrLinks.of(patientId);
  if (link === undefined || link.iss !== launch.iss || link.ehrPatientId !== launch.ehrPatientId)
    throw conflict(
      "launch: this launch is for another EHR patient than the one this patient was enrolled from",
      "launch",
    );
  if (!mayWrite(launch.scope, "Observation"))
    throw conflict(
      `launch: the EHR granted ldn no write access to Observations (scope: ${launch.scope || "none"}); ask the EHR's administrator for patient/Observation.c`,
      "launch",
    );
  return launch;
}

/** The launch's token, renewed when it has expired and can be (the caller keeps the renewal). */
async function liveToken(
  launch: FinishedLaunch,
  nowMs: number,
  clientId: string | null,
): Promise<FinishedLaunch> {
  if (launch.expiresAt > nowMs) return launch;
  if (launch.refreshToken === null || clientId === null) throw conflict(NO_LAUNCH, "launch");
  const token = await refreshAccess(launch.tokenEndpoint, launch.refreshToken, clientId);
  if (typeof token === "string")
    throw conflict(
      `launch: the EHR did not renew ldn's access (${token}); open ldn from the EHR again`,
      "launch",
    );
  return {
    ...launch,
    accessToken: token.access_token,
    // An EHR may rotate the refresh token, or keep the one it gave.
    refreshToken: token.refresh_token ?? launch.refreshToken,
    expiresAt: nowMs + (token.expires_in ?? DEFAULT_TOKEN_SECONDS) * 1000,
  };
}

type Outgoing = ReturnType<typeof ehrObservations>;
type Tally = Exclude<ReturnType<typeof tallyWriteBack>, string>;

/** One batch of conditional creates to the EHR; what it created, or a 409 saying what failed. */
async function postBatch(launch: FinishedLaunch, outgoing: Outgoing): Promise<Tally> {
  if (outgoing.length === 0) return { created: {}, alreadyThere: 0 };
  const response = await fetch(launch.iss, {
    method: "POST",
    headers: {
      authorization: `Bearer ${launch.accessToken}`,
      "content-type": "application/fhir+json",
      accept: "application/fhir+json",
    },
    body: JSON.stringify(writeBackBundle(outgoing)),
    signal: AbortSignal.timeout(EHR_TIMEOUT_MS),
  }).catch(() => null);
  if (response === null) throw conflict(`the EHR at ${launch.iss} did not answer; try again`);
  if (!response.ok) throw conflict(`the EHR at ${launch.iss} answered ${response.status} to the write-back`);
  const tally = tallyWriteBack(outgoing, (await response.json()) as Bundle);
  if (typeof tally === "string") throw conflict(`${tally}; what it created stays there, send again`);
  return tally;
}

/** What a send needs from the request: whose, through which launch, for which session. */
export interface SendRequest {
  readonly patientId: string;
  readonly launchId: string;
  readonly sessionId: string;
  readonly nowMs: number;
  readonly clientId: string | null;
}

/**
 * Three steps, so no database lock is held while the EHR answers (up to 15 s): read the launch
 * and the patient's records in one short transaction; renew the token (kept at once, since an
 * EHR may rotate the refresh token) and post the batch outside any; audit what was sent.
 *
 * @example const summary = await sendToEhr(services.store, actorOf(principal), { patientId, launchId, sessionId, nowMs, clientId: "ldn" });
 */
export async function sendToEhr(store: Store, actor: Actor, request: SendRequest): Promise<SendSummary> {
  const { patientId, nowMs } = request;
  const { found, outgoing } = await store.transaction(actor, async (tx) => {
    const found = await writableLaunch(
      tx,
      patientId,
      await tx.smartLaunches.get(request.launchId, request.sessionId, nowMs),
    );
    const diary = await tx.diary.listForPatient(patientId);
    const scores = await tx.questionnaires.listForPatient(patientId);
    return { found, outgoing: ehrObservations(diary, scores, found.ehrPatientId) };
  });
  const launch = await liveToken(found, nowMs, request.clientId);
  if (launch !== found)
    await store.transaction(actor, (tx) =>
      tx.smartLaunches.renew(launch.id, {
        accessToken: launch.accessToken,
        refreshToken: launch.refreshToken,
        expiresAt: launch.expiresAt,
      }),
    );
  const tally = await postBatch(launch, outgoing);
  await store.transaction(actor, (tx) =>
    tx.audit.record({
      action: "patient.ehr-send",
      patientId,
      details: { iss: launch.iss, ehrPatient: launch.ehrPatientId, launch: launch.id, ...tally },
    }),
  );
  return { iss: launch.iss, ...tally, text: summaryText(launch.iss, tally.created, tally.alreadyThere) };
}

/** @example summaryText("https://ehr/fhir", { "pain ratings": 23, "BPI scores": 2 }, 0) // "Sent 23 pain ratings and 2 BPI scores to https://ehr/fhir; 0 already there" */
export function summaryText(
  iss: string,
  created: Readonly<Record<string, number>>,
  alreadyThere: number,
): string {
  const parts = Object.entries(created).map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, "") : kind}`);
  const what =
    parts.length === 0
      ? "nothing new"
      : parts.length === 1
        ? parts[0]!
        : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
  return `Sent ${what} to ${iss}; ${alreadyThere} already there`;
}
