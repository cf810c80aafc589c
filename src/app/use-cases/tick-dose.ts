/**
 * Ticking a dose as taken, saved the moment it is ticked. The dose is one the engine gives the
 * patient that day (its time names it; its amount is the engine's, never the phone's). When the
 * day's check-in is already saved, the tick corrects that entry's doses too (a new version,
 * the earlier kept), so the diary the engine reads and the page the patient sees agree.
 */
import { randomUUID } from "node:crypto";
import type { DiaryEntry } from "../ports/diary-repository.ts";
import type { DoseTick } from "../ports/dose-tick-repository.ts";
import type { Repositories } from "../ports/store.ts";
import {
  addDays,
  daysBetween,
  parseClockTime,
  parseIsoDate,
  type IsoDate,
} from "../../domain/calendar-date.ts";
import type { TakenDose } from "../../domain/diary/diary-day.ts";
import { invalidArgument, unacceptable } from "../../domain/errors.ts";
import { assessRecord, loadPatientRecord, type PatientRecord } from "./assess-patient.ts";
import { checkInWindow, type DateWindow } from "./date-window.ts";

/** A dose due on a day, and when it was taken (null while not taken). */
export interface DueDose {
  readonly time: string;
  readonly ug: number;
  readonly takenAt: string | null;
}

/**
 * The doses the engine gives the patient on `date` (none before the plan starts).
 *
 * @example dosesDue(record, "2027-01-05") // [{ time: "08:00", ug: 100 }]
 */
export function dosesDue(record: PatientRecord, date: IsoDate): readonly { time: string; ug: number }[] {
  if (!record.plan || daysBetween(parseIsoDate(record.plan.startDate), date) < 0) return [];
  return assessRecord(record, addDays(date, -1))?.next.doses ?? [];
}

/**
 * What was taken of the doses due: once the day's check-in is saved its doses say (each taken
 * when ticked, or else when the check-in was saved); before, the ticks do.
 *
 * @example takenOf(due, entry, ticks)[0]?.takenAt // "2027-01-05T08:03:00.000Z"
 */
export function takenOf(
  due: readonly { time: string; ug: number }[],
  entry: DiaryEntry | undefined,
  ticks: readonly DoseTick[],
): DueDose[] {
  const tickAt = new Map(ticks.map((t) => [t.time, t.takenAt]));
  const inEntry = entry ? new Set(entryDoses(entry).map((d) => d.time)) : undefined;
  return due.map((d) => ({
    time: d.time,
    ug: d.ug,
    takenAt: inEntry
      ? inEntry.has(d.time)
        ? (tickAt.get(d.time) ?? entry!.recordedAt)
        : null
      : (tickAt.get(d.time) ?? null),
  }));
}

const entryDoses = (entry: DiaryEntry): readonly TakenDose[] =>
  Array.isArray(entry.body.doses) ? (entry.body.doses as TakenDose[]) : [];

export interface TickInput {
  readonly date: string;
  readonly time: string;
  readonly taken: boolean;
}

/**
 * Ticks (or unticks) one dose due on a day; returns the day's doses with what was taken. The
 * day must be one the diary may be dated (`window`, see date-window.ts) and on the plan.
 *
 * @example await tickDose(tx, patientId, { date: "2027-01-05", time: "08:00", taken: true }, window);
 */
export async function tickDose(
  tx: Repositories,
  patientId: string,
  input: TickInput,
  window: DateWindow,
): Promise<{ readonly date: IsoDate; readonly doses: readonly DueDose[] }> {
  const date = parseIsoDate(input.date, "date");
  const time = parseClockTime(input.time, "time");
  checkInWindow(date, "date", window);
  const record = await loadPatientRecord(tx, patientId);
  if (!record.plan) throw unacceptable("date", "this patient has no plan yet, so no dose is due");
  const start = parseIsoDate(record.plan.startDate);
  if (daysBetween(start, date) < 0)
    throw invalidArgument("date", input.date, `is before the plan starts (${start}); no dose is due`);
  const due = dosesDue(record, date);
  const dose = due.find((d) => d.time === time);
  if (!dose)
    throw invalidArgument(
      "time",
      input.time,
      due.length === 0
        ? `no dose is due on ${date}`
        : `no dose is due at that time on ${date} (due: ${due.map((d) => d.time).join(", ")})`,
    );
  await tx.doses.set({ patientId, date, time, ug: dose.ug, taken: input.taken });
  let entry = record.diary.find((e) => e.date === date);
  if (entry) {
    const others = entryDoses(entry).filter((d) => d.time !== time);
    const doses = [...others, ...(input.taken ? [{ time, ug: dose.ug }] : [])].sort((a, b) =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : 0,
    );
    if (JSON.stringify(doses) !== JSON.stringify(entryDoses(entry))) {
      // The key is made here, once: this tick is one correction of the saved day.
      const corrected = await tx.diary.record({
        patientId,
        date,
        idempotencyKey: `dose-tick-${randomUUID()}`,
        body: { ...entry.body, doses },
      });
      entry = corrected.entry;
    }
  }
  return { date, doses: takenOf(due, entry, await tx.doses.forDate(patientId, date)) };
}
