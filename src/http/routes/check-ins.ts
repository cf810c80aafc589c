/** The daily check-in: idempotent by a client-chosen key, so a phone that retries never makes two. */
import { z } from "zod/v4";
import { parseCheckIn, recordCheckIn } from "../../app/use-cases/record-check-in.ts";
import type { DiaryEntry } from "../../app/ports/diary-repository.ts";
import { PatientParams } from "../api/common.ts";
import { HttpError } from "../errors.ts";
import { defineRoute } from "../route.ts";

export const CheckInSchema = z.object({
  date: z.string(),
  doses: z.array(z.object({ time: z.string(), ug: z.number() })),
  pain: z.number(),
  mood: z.number().optional(),
  energy: z.number().optional(),
  clarity: z.number().optional(),
  sideEffects: z.array(z.string()),
  impression: z.enum(["better", "same", "worse"]).optional(),
  note: z.string().optional(),
});

export const CheckInEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  recordedAt: z.string(),
  checkIn: CheckInSchema,
});
export type CheckInEntry = z.infer<typeof CheckInEntrySchema>;

const entryDto = (e: DiaryEntry) => ({
  id: e.id,
  date: e.date,
  recordedAt: e.recordedAt,
  checkIn: e.body as z.infer<typeof CheckInSchema>,
});

export const checkInRoutes = [
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/check-ins",
    summary:
      "Record a daily check-in. Send an Idempotency-Key header (e.g. a UUID made on the phone): the same key again returns the stored entry with 200 instead of 201",
    tag: "check-ins",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "diary.record",
    params: PatientParams,
    // The domain's own check, run as the schema so it is done before the transaction opens.
    body: z
      .unknown()
      .transform((v) => parseCheckIn(v))
      .describe(
        "the day: date, doses [{time, ug}], pain 0-10, mood/energy/clarity 0-10, sideEffects, impression, note",
      ),
    response: CheckInEntrySchema,
    successStatus: 201,
    handler: async ({ tx, params, body, header }) => {
      const key = header("idempotency-key");
      if (!key)
        throw new HttpError(
          "invalid_request",
          "Idempotency-Key header: required (a UUID made once per check-in)",
          "Idempotency-Key",
        );
      const { entry, created } = await recordCheckIn(tx, params.patientId, key, body);
      return { status: created ? 201 : 200, body: entryDto(entry) };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/check-ins",
    summary: "The patient's diary, by date",
    tag: "check-ins",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "diary.list",
    params: PatientParams,
    response: z.array(CheckInEntrySchema),
    handler: async ({ tx, params }) => (await tx.diary.listForPatient(params.patientId)).map(entryDto),
  }),
];
