/**
 * The daily check-in: one entry per patient per day (a correction replaces it and keeps the
 * earlier version), idempotent by a client-chosen key, so a phone that retries never makes two.
 */
import { z } from "zod/v4";
import { idempotencyKeyOf, parseCheckIn, recordCheckIn } from "../../app/use-cases/record-check-in.ts";
import type { DiaryEntry, RecordedBy } from "../../app/ports/diary-repository.ts";
import type { Repositories } from "../../app/ports/store.ts";
import { readDiary, type DiaryDayRecord } from "../../app/use-cases/read-diary.ts";
import { checkInWindow, diaryWindow } from "../../app/use-cases/date-window.ts";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import { PatientParams } from "../api/common.ts";
import { defineRoute } from "../route.ts";
import { localDateOf, todayIn } from "../today.ts";

/** A 0-10 rating, as the domain checks it (parse-diary-day.ts). */
const Rating = z.number().int().min(0).max(10, { error: "must be a whole number from 0 to 10" });

/**
 * The day's check-in, said once: the request body (with unknown keys ignored, then the domain's
 * own checks: real dates and clock times, the side-effect vocabulary, dose limits) and every
 * response that shows a check-in, so OpenAPI publishes one shape for both.
 */
export const CheckInSchema = z.object({
  date: z.string().describe("YYYY-MM-DD, the day the check-in is about"),
  doses: z
    .array(
      z.object({ time: z.string().describe("HH:MM"), ug: z.number().int().describe("whole micrograms") }),
    )
    .describe("the doses taken that day, or []"),
  pain: Rating,
  mood: Rating.optional(),
  energy: Rating.optional(),
  clarity: Rating.optional(),
  sideEffects: z.array(z.string()).describe("side-effect codes, or []"),
  impression: z.enum(["better", "same", "worse"]).optional(),
  note: z.string().optional(),
});

export const RecordedBySchema = z
  .object({ kind: z.enum(["patient", "staff", "system"]), name: z.string().nullable() })
  .nullable()
  .describe("who recorded this version: the patient, or a staff member by name; null when not known");

export const CheckInEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  recordedAt: z.string().describe("when this version was recorded"),
  version: z.number().int().describe("1, then one more for each correction"),
  recordedBy: RecordedBySchema,
  checkIn: CheckInSchema,
});
export type CheckInEntry = z.infer<typeof CheckInEntrySchema>;

export const DiaryDaySchema = CheckInEntrySchema.extend({
  corrections: z
    .array(
      z.object({
        version: z.number().int(),
        recordedAt: z.string(),
        recordedBy: RecordedBySchema,
        changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
      }),
    )
    .describe("each correction of the day, oldest first: who, when, what changed (empty when none)"),
  earlier: z
    .array(
      z.object({
        version: z.number().int(),
        recordedAt: z.string(),
        recordedBy: RecordedBySchema,
        checkIn: CheckInSchema,
      }),
    )
    .describe("the versions corrections replaced, as they were recorded, oldest first"),
});
export type DiaryDayDto = z.infer<typeof DiaryDaySchema>;

/**
 * Each patient's enrolment instant, remembered: it is written once at enrolment and never
 * changed, so the answer cannot go stale, and each check-in saves a query (a round trip inside
 * the group commit's batch on PostgreSQL). Bounded, as app.ts bounds the clinic it remembers.
 */
const ENROLLED_AT = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

async function enrolledAt(tx: Repositories, patientId: string): Promise<string | undefined> {
  const remembered = ENROLLED_AT.get(patientId);
  if (remembered !== undefined) return remembered;
  const found = await tx.patients.enrolledAt(patientId);
  if (found === undefined) return undefined;
  if (ENROLLED_AT.size >= MAX_REMEMBERED) ENROLLED_AT.clear();
  ENROLLED_AT.set(patientId, found);
  return found;
}

const byDto = (by: RecordedBy | null) => by && { kind: by.kind, name: by.name };

const entryDto = (e: DiaryEntry) => ({
  id: e.id,
  date: e.date,
  recordedAt: e.recordedAt,
  version: e.version,
  recordedBy: byDto(e.recordedBy),
  checkIn: e.body as z.infer<typeof CheckInSchema>,
});

const dayDto = (d: DiaryDayRecord) => ({
  ...entryDto(d.entry),
  corrections: d.corrections.map((c) => ({ ...c, recordedBy: byDto(c.recordedBy) })),
  earlier: d.earlier.map((v) => ({
    version: v.version,
    recordedAt: v.recordedAt,
    recordedBy: byDto(v.recordedBy),
    checkIn: v.body as z.infer<typeof CheckInSchema>,
  })),
});

export const checkInRoutes = [
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/check-ins",
    summary:
      "Record a daily check-in, one entry per day: another check-in for a day already entered corrects it (a new version; the earlier one is kept in its history). 201 when stored. Send an Idempotency-Key header (e.g. a UUID made on the phone): the same key again returns the entry as it stored it with 200 and changes nothing",
    tag: "check-ins",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "diary.record",
    params: PatientParams,
    // The shape, then the domain's own check, both before the transaction opens.
    body: CheckInSchema.loose().transform((v) => parseCheckIn(v)),
    response: CheckInEntrySchema,
    successStatus: 201,
    // Reads and writes through tx only (the enrolment instant it remembers never changes).
    rerunnable: true,
    handler: async ({ tx, params, body, header, services }) => {
      const key = idempotencyKeyOf(header("idempotency-key"));
      // A day the patient can have lived on the plan: around today, not before the enrolment.
      const enrolled = await enrolledAt(tx, params.patientId);
      if (enrolled !== undefined)
        checkInWindow(
          body.date,
          "date",
          diaryWindow(
            parseIsoDate(todayIn(services.clock)),
            parseIsoDate(localDateOf(enrolled)),
            services.settings,
          ),
        );
      const { entry, created } = await recordCheckIn(tx, params.patientId, key, body);
      return { status: created ? 201 : 200, body: entryDto(entry) };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/check-ins",
    summary:
      "The patient's diary, one entry per day by date, each with its corrections (who, when, what changed) and the versions they replaced",
    tag: "check-ins",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "diary.list",
    params: PatientParams,
    response: z.array(DiaryDaySchema),
    handler: async ({ tx, params }) => (await readDiary(tx, params.patientId)).map(dayDto),
  }),
];
