/** Schemas shared by several areas of the API. */
import { z } from "zod/v4";

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");
export const IdSchema = z.string().min(1).max(100);
export const PatientParams = z.object({ patientId: IdSchema });
export const OkSchema = z.object({ ok: z.literal(true) });

export const DoseSchema = z.object({
  time: z.string(),
  ug: z.number().int(),
  /** ISMP display text, e.g. "0.1 mg". */
  dose: z.string(),
});

export const DayDosesSchema = z.object({
  date: IsoDateSchema,
  totalUg: z.number().int(),
  total: z.string(),
  doses: z.array(DoseSchema),
});

export const MeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("staff"),
    id: z.string(),
    displayName: z.string(),
    role: z.enum(["administrator", "clinician", "pharmacist"]),
    clinicId: z.string(),
    clinicName: z.string(),
  }),
  z.object({
    kind: z.literal("patient"),
    id: z.string(),
    displayName: z.string(),
    clinicId: z.string(),
    clinicName: z.string(),
  }),
]);
export type Me = z.infer<typeof MeSchema>;
