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

/**
 * Returns how many lines were made. Reads no line shown to anyone, so audits nothing.
 *
 * @example await keepDashboardLines(store, clinicId, "2027-03-01") // 10000, then 0
 */
export async function keepDashboardLines(
  store: Store,
  clinicId: string,
  today: string,
  batch = KEEP_BATCH,
): Promise<number> {
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
