/**
 * Makes a clinic's stale dashboard lines for today, a batch of patients a transaction, so no
 * transaction holds the database for the whole clinic's replay (88 s at 10,000 patients): ahead
 * of the first read (dashboard-line-keeper.ts), and before each dashboard read (the route).
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { SummaryKey } from "../ports/patient-summary-store.ts";
import type { Store } from "../ports/store.ts";
import { remakeLines, SUMMARY_FORMAT } from "./list-patient-summaries.ts";

/**
 * Patients a transaction: the engine's replay runs on the event loop (about 9 ms a patient on
 * a loaded machine), so a small batch keeps other requests waiting a fraction of a second at
 * most (a server setting, not a clinical one).
 */
export const KEEP_BATCH = 50;

/** Passes under way in this process, by store, then by clinic and day. */
const underWay = new WeakMap<Store, Map<string, Promise<number>>>();

/**
 * Returns how many lines were made. Reads no line shown to anyone, so audits nothing.
 *
 * A call that finds a pass under way in this process for the same clinic and day waits for it
 * and returns 0 rather than making the same lines beside it: the server's keeper starts its pass
 * as the server starts, and a clinician's first read just after would otherwise replay every
 * stale patient a second time, each pass slowing the other (bench/dashboard.ts, 2,000 patients:
 * that read 9.4 s beside the pass, 4.5 s waiting for it). What went stale meanwhile the read
 * makes itself.
 *
 * @example await keepDashboardLines(store, clinicId, "2027-03-01") // 10000, then 0
 */
export function keepDashboardLines(
  store: Store,
  clinicId: string,
  today: string,
  batch = KEEP_BATCH,
): Promise<number> {
  let passes = underWay.get(store);
  if (!passes) underWay.set(store, (passes = new Map()));
  const key = `${clinicId} ${today}`;
  const running = passes.get(key);
  if (running) return running.then(() => 0);
  const pass = makeStaleLines(store, clinicId, today, batch).finally(() => passes.delete(key));
  passes.set(key, pass);
  return pass;
}

async function makeStaleLines(store: Store, clinicId: string, today: string, batch: number): Promise<number> {
  const key: SummaryKey = { day: today, format: SUMMARY_FORMAT };
  const lines = await store.transaction(SYSTEM_ACTOR, (tx) => tx.records.summaryLines(clinicId, key));
  const stale = lines.filter((l) => l.fresh === null);
  let made = 0;
  for (let i = 0; i < stale.length; i += batch)
    made += (
      await store.transaction(SYSTEM_ACTOR, (tx) => remakeLines(tx, clinicId, key, stale.slice(i, i + batch)))
    ).length;
  return made;
}
