/**
 * SMART App Launch v2 as a confidential-less public client with PKCE S256: `GET /smart/launch`
 * (EHR launch with `iss` and `launch`; standalone with `iss` only) and `GET /smart/callback`.
 * These answer with redirects, not JSON, so they sit beside the route list rather than in it.
 * The clinician must be signed in to ldn: `state` is bound to their ldn session, the token
 * exchange runs here, and the access token never reaches the browser.
 */
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import { DomainError } from "../../domain/errors.ts";
import { newPkce } from "../../fhir/smart/pkce.ts";
import { authorizeUrl, readSmartConfiguration } from "../../fhir/smart/smart-configuration.ts";
import { readPatientBundle } from "../../fhir/read-patient-bundle.ts";
import { authenticate, SESSION_COOKIE } from "../auth/sessions.ts";
import type { Services } from "../route.ts";
import { todayIn } from "../today.ts";
import { LAUNCHES, type LaunchStore } from "./launches.ts";
import { readEhrPatient } from "./read-ehr.ts";
import type { SmartSettings } from "./smart-settings.ts";
import { z } from "zod/v4";

/** How long a finished launch's token is kept when the EHR gives no `expires_in` (clinic setting). */
const DEFAULT_TOKEN_SECONDS = 3600;

const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
  patient: z.string().min(1),
  expires_in: z.number().optional(),
});

function page(c: Context, status: 400 | 401 | 403 | 502, text: string): Response {
  c.header("Cache-Control", "no-store");
  return c.text(text, status);
}

async function staffOf(c: Context, services: Services) {
  const principal = await authenticate(services, getCookie(c, SESSION_COOKIE));
  return principal?.kind === "staff" && principal.role === "clinician" ? principal : null;
}

/**
 * @example app.route("/", smartLaunchApp(services, settings));
 */
export function smartLaunchApp(
  services: Services,
  smart: SmartSettings,
  launches: LaunchStore = LAUNCHES,
): Hono {
  const app = new Hono();
  app.get("/smart/launch", async (c) => {
    const clinician = await staffOf(c, services);
    if (clinician === null)
      return page(
        c,
        401,
        "Sign in to ldn as a clinician in this browser, then launch ldn from the EHR again.",
      );
    const iss = (c.req.query("iss") ?? "").replace(/\/+$/, "");
    if (!smart.allowedIss.includes(iss))
      return page(
        c,
        400,
        `iss: ${JSON.stringify(iss)} is not an EHR this clinic launches from (LDN_SMART_ISS)`,
      );
    const launch = c.req.query("launch");
    let config;
    try {
      const response = await fetch(`${iss}/.well-known/smart-configuration`, {
        signal: AbortSignal.timeout(15_000),
      });
      config = readSmartConfiguration(await response.json(), iss);
    } catch (error) {
      return page(
        c,
        502,
        error instanceof DomainError ? error.message : `${iss}: no SMART configuration could be read`,
      );
    }
    const pkce = newPkce();
    const pending = launches.begin(
      { sessionId: clinician.sessionId, iss, verifier: pkce.verifier, tokenEndpoint: config.token_endpoint },
      services.clock.now().getTime(),
    );
    return c.redirect(
      authorizeUrl(config, {
        clientId: smart.clientId,
        redirectUri: callbackUri(c),
        scope: launch ? smart.scopes : standaloneScopes(smart.scopes),
        state: pending.state,
        challenge: pkce.challenge,
        aud: iss,
        ...(launch ? { launch } : {}),
      }),
      302,
    );
  });
  app.get("/smart/callback", async (c) => {
    const clinician = await staffOf(c, services);
    if (clinician === null) return page(c, 401, "Sign in to ldn as a clinician, then launch again.");
    const error = c.req.query("error");
    if (error) return page(c, 400, `The EHR refused the launch: ${error.slice(0, 200)}`);
    const now = services.clock.now().getTime();
    const pending = launches.take(c.req.query("state") ?? "", clinician.sessionId, now);
    if (pending === undefined)
      return page(c, 400, "state: unknown, used, expired or from another session; launch again from the EHR");
    const code = c.req.query("code");
    if (!code) return page(c, 400, "code: missing from the EHR's answer");
    const token = await exchange(
      pending.tokenEndpoint,
      code,
      pending.verifier,
      callbackUri(c),
      smart.clientId,
    );
    if (typeof token === "string") return page(c, 502, token);
    let prefill;
    try {
      const bundle = await readEhrPatient(pending.iss, token.patient, token.access_token);
      prefill = readPatientBundle(bundle, todayIn(services.clock));
    } catch (err) {
      return page(c, 502, err instanceof Error ? err.message : "the EHR's patient could not be read");
    }
    const finished = launches.finish(
      {
        sessionId: clinician.sessionId,
        iss: pending.iss,
        ehrPatientId: token.patient,
        accessToken: token.access_token,
        scope: token.scope ?? "",
        prefill,
        expiresAt: now + (token.expires_in ?? DEFAULT_TOKEN_SECONDS) * 1000,
      },
      now,
    );
    await services.store.transaction({ kind: "staff", id: clinician.id }, (tx) =>
      tx.audit.record({
        action: "smart.launch",
        details: {
          iss: pending.iss,
          ehrPatient: token.patient,
          launch: finished.id,
          scope: token.scope ?? "",
        },
      }),
    );
    return c.redirect(`/patients/new?smart=${finished.id}`, 302);
  });
  return app;
}

/**
 * A standalone launch has no EHR context to share: it asks the EHR to pick a patient instead
 * (SMART v2 `launch/patient` in place of `launch`).
 *
 * @example standaloneScopes("launch openid patient/Patient.read") // "launch/patient openid patient/Patient.read"
 */
export function standaloneScopes(scopes: string): string {
  return scopes
    .split(/\s+/)
    .map((s) => (s === "launch" ? "launch/patient" : s))
    .join(" ");
}

/** The redirect URI registered with the EHR: this server's own `/smart/callback`. */
function callbackUri(c: Context): string {
  return `${new URL(c.req.url).origin}/smart/callback`;
}

async function exchange(
  tokenEndpoint: string,
  code: string,
  verifier: string,
  redirectUri: string,
  clientId: string,
): Promise<z.infer<typeof TokenResponse> | string> {
  const response = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null);
  if (response === null) return `${tokenEndpoint}: no answer`;
  const parsed = TokenResponse.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success)
    return `${tokenEndpoint} answered ${response.status} without an access token and patient for ldn`;
  return parsed.data;
}
