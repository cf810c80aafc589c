/** The engine's alerts as the API sends them: beside every assessment, today's doses and dashboard line. */
import { z } from "zod/v4";
import { alertLabel } from "../../app/use-cases/describe-alert.ts";
import { ALERT_CODES, type Alert } from "../../domain/titration/alerts.ts";
import { IsoDateSchema } from "./common.ts";

export const AlertSchema = z.object({
  code: z.enum(ALERT_CODES).describe("stable: see ALERT_CODES in src/domain/titration/alerts.ts"),
  label: z.string().describe('a few words naming it, e.g. "titrating on opioids"'),
  date: IsoDateSchema.describe("the day it was raised on"),
  message: z.string().describe("for the clinician: what happened, with the numbers"),
  patientMessage: z
    .string()
    .optional()
    .describe("for the patient, in plain words, when there is something for them to do"),
});
export type AlertDto = z.infer<typeof AlertSchema>;

/**
 * @example alertDto(alert) // { code: "titrating-on-opioids", label: "titrating on opioids", date, message, patientMessage }
 */
export function alertDto(alert: Alert): AlertDto {
  return {
    code: alert.code,
    label: alertLabel(alert.code),
    date: alert.date,
    message: alert.message,
    ...(alert.patientMessage === undefined ? {} : { patientMessage: alert.patientMessage }),
  };
}
