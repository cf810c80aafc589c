/**
 * The clinic's dashboard, one page at a time, from the lines kept in the database: only the
 * lines of patients written to since (or made on another day) are made again from their
 * records; the filters, sort and counts then work on one small row per patient.
 */
import type { SummaryKey, SummaryLine } from "../ports/patient-summary-store.ts";
import type { Repositories } from "../ports/store.ts";
import {
  countLines,
  selectLines,
  viewedBy,
  type LineCounts,
  type LineFilters,
  type ViewedLine,
} from "./dashboard-lines.ts";
import { summarisePatient, type PatientSummary } from "./summarise-patient.ts";

/**
 * The kept lines' format: change it whenever `summarisePatient`'s output changes, so lines made
 * by the code before are made again rather than shown.
 */
export const SUMMARY_FORMAT = 1;

/** Patients whose lines are made again per read of their records: a few queries each time. */
const REMAKE_BATCH = 500;

export interface DashboardPageQuery extends LineFilters {
  readonly today: string;
  /** A clinician sees everything; a pharmacist the state and dose (see `viewedBy`). */
  readonly clinical: boolean;
  /** Omitted: every matching patient. */
  readonly page?: { readonly offset: number; readonly limit: number };
}

export interface DashboardPage {
  /** The page's lines, whole (the caller shapes them for the viewer). */
  readonly patients: readonly PatientSummary[];
  /** Patients matching the search and filters, on every page. */
  readonly total: number;
  /** The clinic's patients in each state and with each flag, whatever the search and filters. */
  readonly counts: LineCounts;
}

/**
 * @example
 * const { patients, total, counts } = await listPatientSummaries(tx, clinicId, {
 *   today: "2027-03-01", clinical: true, state: "titrating", sort: "attention", page: { offset: 0, limit: 50 } });
 */
export async function listPatientSummaries(
  tx: Repositories,
  clinicId: string,
  query: DashboardPageQuery,
): Promise<DashboardPage> {
  const key: SummaryKey = { day: query.today, format: SUMMARY_FORMAT };
  const lines = await freshLines(tx, clinicId, key, await tx.records.summaryLines(clinicId, key));
  const viewed = lines.map((l) => viewedBy(l, query.clinical));
  const matching = selectLines(viewed, query, query.today);
  const shown = query.page
    ? matching.slice(query.page.offset, query.page.offset + query.page.limit)
    : matching;
  const bodies = await tx.records.summaryBodies(
    clinicId,
    shown.map((l) => l.id),
    key,
    query.clinical ? "clinical" : "dosing",
  );
  return { patients: bodies as PatientSummary[], total: matching.length, counts: countLines(viewed) };
}

/** Every line with its columns, the stale ones made again from the records and kept. */
async function freshLines(
  tx: Repositories,
  clinicId: string,
  key: SummaryKey,
  lines: readonly SummaryLine[],
): Promise<ViewedLine[]> {
  const made = new Map<string, ViewedLine>();
  const stale = lines.filter((l) => l.fresh === null);
  for (let i = 0; i < stale.length; i += REMAKE_BATCH)
    for (const line of await remakeLines(tx, clinicId, key, stale.slice(i, i + REMAKE_BATCH)))
      made.set(line.id, line);
  // A patient gone since the lines were read has no line made: they are left out.
  return lines.flatMap((l) => {
    const line = l.fresh === null ? made.get(l.id) : { id: l.id, displayName: l.displayName, ...l.fresh };
    return line ? [line] : [];
  });
}

/**
 * Makes these patients' lines again from their records (one read of their records) and keeps
 * them for `key`.
 *
 * @example const made = await remakeLines(tx, clinicId, { day, format: SUMMARY_FORMAT }, staleLines);
 */
export async function remakeLines(
  tx: Repositories,
  clinicId: string,
  key: SummaryKey,
  stale: readonly SummaryLine[],
): Promise<ViewedLine[]> {
  // The revision was read before the records: a write in between leaves the line stale, never wrong.
  const revision = new Map(stale.map((l) => [l.id, l.revision]));
  const records = await tx.records.recordsToSummarise(
    clinicId,
    stale.map((l) => l.id),
  );
  const made: ViewedLine[] = [];
  const saved = records.map((r) => {
    const s = summarisePatient(r, key.day);
    const columns = {
      state: s.state,
      todayUg: s.todayUg,
      lastCheckIn: s.lastCheckIn,
      attention: s.attention.map((a) => a.code),
    };
    made.push({ id: s.id, displayName: s.displayName, ...columns });
    return { patientId: s.id, revision: revision.get(s.id)!, body: s, ...columns };
  });
  await tx.records.saveSummaries(clinicId, key, saved);
  return made;
}
