/**
 * The EHR's token endpoint, for a public client (no secret): the authorization code with its
 * PKCE verifier, and a refresh token when the EHR granted one (`offline_access`/`online_access`).
 * Failures come back as one plain sentence naming the endpoint, never the EHR's body.
 */
import { z } from "zod/v4";

const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
  patient: z.string().min(1).optional(),
  expires_in: z.number().optional(),
  refresh_token: z.string().min(1).optional(),
});

export type TokenAnswer = z.infer<typeof TokenResponse>;

/** How long a token is taken to last when the EHR gives no `expires_in` (ldn's setting, not clinical). */
export const DEFAULT_TOKEN_SECONDS = 3600;

async function post(tokenEndpoint: string, form: Record<string, string>): Promise<TokenAnswer | string> {
  const response = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null);
  if (response === null) return `${tokenEndpoint}: no answer`;
  const parsed = TokenResponse.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success)
    return `${tokenEndpoint} answered ${response.status} without an access token for ldn`;
  return parsed.data;
}

/** @example const token = await exchangeCode(endpoint, { code, verifier, redirectUri, clientId }); */
export function exchangeCode(
  tokenEndpoint: string,
  grant: { code: string; verifier: string; redirectUri: string; clientId: string },
): Promise<TokenAnswer | string> {
  return post(tokenEndpoint, {
    grant_type: "authorization_code",
    code: grant.code,
    redirect_uri: grant.redirectUri,
    client_id: grant.clientId,
    code_verifier: grant.verifier,
  });
}

/** @example const token = await refreshAccess(launch.tokenEndpoint, launch.refreshToken, "ldn"); */
export function refreshAccess(
  tokenEndpoint: string,
  refreshToken: string,
  clientId: string,
): Promise<TokenAnswer | string> {
  return post(tokenEndpoint, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: clientId,
  });
}
