/**
 * The JSON Lines contract of `ldn assess` (stable: other programs read it; keys are only
 * ever added). One line per patient: the fields first, then extras.
 */
import type { Alert } from "../../domain/titration/alerts.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";

/**
 * @example assessmentLine(1, "p1", assessment) // '{"line":1,"id":"p1","state":"window",...}'
 */
export function assessmentLine(line: number, id: string, a: Assessment): string {
  return JSON.stringify({
    line,
    id,
    state: a.state,
    medUg: a.medUg,
    next: { date: a.next.date, totalUg: a.next.totalUg, doses: a.next.doses },
    hormesis: a.hormesis,
    reasons: a.reasons,
    reasonData: a.reasonData,
    alerts: a.alerts.map(alertJson),
    protocol: a.protocolKey,
    detector: a.detector,
    asOf: a.asOf,
    windowUg: a.windowUg,
    currentUg: a.currentUg,
    decidedOn: a.decidedOn,
  });
}

/**
 * One alert as the contract writes it: code, date, the clinician's message, and the
 * patient's message only when the engine gave one.
 *
 * @example alertJson(alert) // { code: "titrating-on-opioids", date: "2027-01-05", message: "...", patientMessage: "..." }
 */
export function alertJson(alert: Alert): {
  code: string;
  date: string;
  message: string;
  patientMessage?: string;
} {
  return {
    code: alert.code,
    date: alert.date,
    message: alert.message,
    ...(alert.patientMessage === undefined ? {} : { patientMessage: alert.patientMessage }),
  };
}

/**
 * An error line: the line number, the patient id when it could be read, the field at fault.
 *
 * @example errorLine(3, "p3", "invalid_argument", "days[3].pain", "days[3].pain: must be ...")
 */
export function errorLine(
  line: number,
  id: string | undefined,
  code: string,
  field: string,
  message: string,
): string {
  return JSON.stringify({ line, ...(id === undefined ? {} : { id }), error: message, code, field });
}
