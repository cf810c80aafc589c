/**
 * Serves the built web app (web/dist) for every path outside /api; unknown paths get index.html
 * so the app's own routes (/patients/…, /join#…) work on reload.
 */
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import type { Context } from "hono";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".ico": "image/x-icon",
};

/** The folder `npm run build:web` writes. */
export const WEB_DIST = resolve(import.meta.dirname, "../../web/dist");

/** @example createApp(ROUTES, services, { web: webAssets(WEB_DIST) }) */
export function webAssets(root: string) {
  return async (c: Context): Promise<Response> => {
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path);
    const ext = extname(file);
    if (file.startsWith(root) && ext !== "") {
      try {
        const body = await readFile(file);
        return c.body(body, 200, {
          "Content-Type": TYPES[ext] ?? "application/octet-stream",
          "Cache-Control": "no-cache",
        });
      } catch {
        return c.text("Not found", 404);
      }
    }
    try {
      const html = await readFile(join(root, "index.html"), "utf8");
      return c.html(html, 200, { "Cache-Control": "no-cache" });
    } catch {
      return c.text("The web app is not built: run `npm run build:web`.", 503);
    }
  };
}
