/**
 * The installed app's offline side in the page: registers the service worker (web/src/sw.ts),
 * knows whether the phone is online, and empties the phone's copy of patient data on sign-out.
 */
import { useEffect, useState } from "preact/hooks";
import { DATA_CACHE } from "./kept-data.ts";

/** Registers the service worker where the browser has one (a secure context: https or localhost). */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
}

/**
 * Forgets every API answer kept on the phone, so the next person to sign in on it never sees
 * the last one's data. Called on sign-out and on sign-in.
 */
export async function forgetKeptData(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(DATA_CACHE).catch(() => false);
}

/**
 * Online as far as the page can tell: the browser says so and the last request reached the
 * server. `api.ts` raises `ldn-unreachable` when a request cannot reach it and `ldn-reached`
 * when one does.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(navigator.onLine);
    const off = () => setOnline(false);
    const events: [string, () => void][] = [
      ["online", on],
      ["offline", off],
      ["ldn-reached", on],
      ["ldn-unreachable", off],
    ];
    for (const [name, fn] of events) window.addEventListener(name, fn);
    return () => {
      for (const [name, fn] of events) window.removeEventListener(name, fn);
    };
  }, []);
  return online;
}

/** Says plainly that the phone is offline, and what still works. */
export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p class="offline-banner" role="status">
      Offline: today’s doses are kept on this phone, and check-ins are saved here and sent when you are back
      online.
    </p>
  );
}
