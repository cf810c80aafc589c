/**
 * SMART App Launch v2 as a public client with PKCE S256: `GET /smart/launch` (EHR launch with
 * `iss` and `launch`; standalone with `iss` only) and `GET /smart/callback`. These answer with
 * redirects, not JSON, so they sit beside the route list rather than in it. The clinician must be
 * signed in to ldn (without a session the launch goes to sign-in and comes back): `state` is
 * bound to their ldn session, the token exchange runs here, and the access token never reaches
 * the browser. Launches live in the database (migration 0011), so any ldn process sharing it can
 * take the callback.
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
import { readEhrPatient } from "./read-ehr.ts";
import type { SmartSettings } from "./smart-settings.ts";
import { DEFAULT_TOKEN_SECONDS, exchangeCode } from "./token-endpoint.ts";

/** The web app signs in there, then goes back to this launch (web/src/main.tsx). */
export const AFTER_SIGN_IN_PARAM = "after-sign-in";

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
export function smartLaunchApp(services: Services, smart: SmartSettings): Hono {
  const app = new Hono();
  app.get("/smart/launch", async (c) => {
    const clinician = await staffOf(c, services);
    if (clinician === null) {
      // Sign in to ldn first; the web app brings the browser back to this same launch.
      const here = new URL(c.req.url);
      c.header("Cache-Control", "no-store");
      return c.redirect(`/?${AFTER_SIGN_IN_PARAM}=${encodeURIComponent(here.pathname + here.search)}`, 302);
    }
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
    const pending = await services.store.transaction({ kind: "staff", id: clinician.id }, (tx) =>
      tx.smartLaunches.begin(
        {
          sessionId: clinician.sessionId,
          iss,
          verifier: pkce.verifier,
          tokenEndpoint: config.token_endpoint,
        },
        services.clock.now().getTime(),
      ),
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
    const actor = { kind: "staff" as const, id: clinician.id };
    const now = services.clock.now().getTime();
    const pending = await services.store.transaction(actor, (tx) =>
      tx.smartLaunches.take(c.req.query("state") ?? "", clinician.sessionId, now),
    );
    if (pending === undefined)
      return page(c, 400, "state: unknown, used, expired or from another session; launch again from the EHR");
    const code = c.req.query("code");
    if (!code) return page(c, 400, "code: missing from the EHR's answer");
    const token = await exchangeCode(pending.tokenEndpoint, {
      code,
      verifier: pending.verifier,
      redirectUri: callbackUri(c),
      clientId: smart.clientId,
    });
    if (typeof token === "string") return page(c, 502, token);
    if (token.patient === undefined)
      return page(c, 502, `${pending.tokenEndpoint} named no patient: ldn launches for one patient`);
    const ehrPatientId = token.patient;
    let prefill;
    try {
      const bundle = await readEhrPatient(pending.iss, ehrPatientId, token.access_token);
      prefill = readPatientBundle(bundle, todayIn(services.clock));
    } catch (err) {
      return page(c, 502, err instanceof Error ? err.message : "the EHR's patient could not be read");
    }
    const { launchId, linked } = await services.store.transaction(actor, async (tx) => {
      const finished = await tx.smartLaunches.finish(
        {
          sessionId: clinician.sessionId,
          iss: pending.iss,
          ehrPatientId,
          accessToken: token.access_token,
          refreshToken: token.refresh_token ?? null,
          tokenEndpoint: pending.tokenEndpoint,
          scope: token.scope ?? "",
          prefill,
          expiresAt: now + (token.expires_in ?? DEFAULT_TOKEN_SECONDS) * 1000,
        },
        now,
      );
      const patientId = await tx.ehrLinks.find(clinician.clinicId, pending.iss, ehrPatientId);
      await tx.audit.record({
        action: "smart.launch",
        ...(patientId ? { patientId } : {}),
        details: {
          iss: pending.iss,
          ehrPatient: ehrPatientId,
          launch: finished.id,
          scope: token.scope ?? "",
        },
      });
      return { launchId: finished.id, linked: patientId };
    });
    // A patient already enrolled from this EHR patient: their chart, not a second enrolment.
    return c.redirect(
      linked ? `/patients/${linked}?smart=${launchId}` : `/patients/new?smart=${launchId}`,
      302,
    );
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
