/**
 * A patient's diary as people read it: one entry per day, each with its corrections (who made
 * each one, when, and what it changed) and the earlier versions as they were recorded.
 */
import type { DiaryEntry, DiaryEntryVersion, RecordedBy } from "../ports/diary-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { diaryChanges, type DiaryChange } from "../../domain/diary/diary-changes.ts";
import type { DiaryDay } from "../../domain/diary/diary-day.ts";

/**
 * A stored entry's day. Said once, here: a body is stored only as `parseCheckIn` made it
 * (record-check-in.ts), so what the store gives back is a checked DiaryDay, not any JSON.
 *
 * @example const days = record.diary.map(diaryDayOf);
 */
export function diaryDayOf(entry: Pick<DiaryEntry, "body">): DiaryDay {
  return entry.body as unknown as DiaryDay;
}

export interface DiaryCorrection {
  /** The version the correction made (2 for the first correction). */
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: RecordedBy | null;
  readonly changes: readonly DiaryChange[];
}

export interface DiaryDayRecord {
  readonly entry: DiaryEntry;
  /** The versions corrections replaced, oldest first (empty when never corrected). */
  readonly earlier: readonly DiaryEntryVersion[];
  /** Each correction, oldest first: who, when, what changed. */
  readonly corrections: readonly DiaryCorrection[];
}

/**
 * Reads the diary and its history (audited as `diary.list` and `diary.history`).
 *
 * @example (await readDiary(tx, patientId))[0]?.corrections // [{ version: 2, changes: [...] }]
 */
export async function readDiary(tx: Repositories, patientId: string): Promise<DiaryDayRecord[]> {
  const entries = await tx.diary.listForPatient(patientId);
  const history = await tx.diary.historyForPatient(patientId);
  const byEntry = new Map<string, DiaryEntryVersion[]>();
  for (const v of history) byEntry.set(v.entryId, [...(byEntry.get(v.entryId) ?? []), v]);
  return entries.map((entry) => {
    const earlier = byEntry.get(entry.id) ?? [];
    const versions = [...earlier, entry];
    const corrections = versions.slice(1).map((after, i) => ({
      version: after.version,
      recordedAt: after.recordedAt,
      recordedBy: after.recordedBy,
      changes: diaryChanges(versions[i]!.body, after.body),
    }));
    return { entry, earlier, corrections };
  });
}
