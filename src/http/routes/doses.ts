/** Doses ticked as taken on the patient's phone, saved the moment they are ticked. */
import { z } from "zod/v4";
import { tickDose } from "../../app/use-cases/tick-dose.ts";
import { diaryWindow } from "../../app/use-cases/date-window.ts";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import { TakenDoseSchema } from "../api/patients.ts";
import { defineRoute } from "../route.ts";
import { localDateOf, todayIn } from "../today.ts";

export const DoseTickSchema = z.object({
  date: IsoDateSchema,
  time: z.string().max(5).describe("the dose's time as scheduled, HH:MM"),
  taken: z.boolean(),
});

export const doseRoutes = [
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/doses",
    summary:
      "Tick a dose due that day as taken (or untick it), saved at once with when it was ticked; when the day's check-in is saved already, its doses are corrected too. Answers the day's doses with what was taken",
    tag: "check-ins",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "dose.tick",
    params: PatientParams,
    body: DoseTickSchema,
    response: z.object({ date: z.string(), doses: z.array(TakenDoseSchema) }),
    // Reads and writes through tx only: it may share a commit with check-ins without savepoints.
    rerunnable: true,
    handler: async ({ tx, params, body, services }) => {
      const enrolledAt = (await tx.patients.enrolledAt(params.patientId))!;
      const window = diaryWindow(
        parseIsoDate(todayIn(services.clock)),
        parseIsoDate(localDateOf(enrolledAt)),
        services.settings,
      );
      const day = await tickDose(tx, params.patientId, body, window);
      const plans = await tx.plans.listForPatient(params.patientId);
      const unit = getProtocol(plans.at(-1)!.protocolId).unit;
      return {
        date: day.date,
        doses: day.doses.map((d) => ({ ...d, dose: formatDose(d.ug, unit) })),
      };
    },
  }),
];
