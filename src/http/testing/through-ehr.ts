/**
 * A browser at the EHR for SMART tests without chromium: follows redirects with cookies and fills
 * oidc-provider's own login and consent forms, until the EHR sends the browser back to ldn.
 */

/** The origin the test servers answer as (test-server.ts requests `http://ldn.test...`). */
export const LDN = "http://ldn.test";

/**
 * @example const callback = await throughEhr(authorizeUrl); // "/smart/callback?code=...&state=..."
 */
export async function throughEhr(authorizeUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(LDN)) return url.slice(LDN.length);
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v ?? "");
    }
    const location = res.headers.get("location");
    if (location !== null) {
      url = new URL(location, url).toString();
      init = {};
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined) throw new Error(`no form at ${url} (${res.status}): ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      fields.set(m[1]!, m[2]!);
    if (html.includes('name="login"')) {
      fields.set("login", "dr-ehr");
      fields.set("password", "any");
    }
    url = new URL(action, url).toString();
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: fields.toString(),
    };
  }
  throw new Error("too many hops at the EHR");
}
