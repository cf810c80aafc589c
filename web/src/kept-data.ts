/**
 * The name of the cache where the service worker keeps the signed-in patient's answers for
 * offline use: one name for the worker (sw.ts) and the page (offline.tsx), which empties it.
 */
export const DATA_CACHE = "ldn-data";
