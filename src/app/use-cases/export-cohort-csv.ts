/**
 * The cohort page's rows as CSV, one line per patient, for a spreadsheet or a statistics
 * package: pseudonymous ids (no names), the protocol, the course and each scale's scores
 * before and after. Every cell is a number, a date, an id or yes/no, never free text, so no
 * cell can start a spreadsheet formula.
 */
import { isResponder } from "../../domain/cohort/course-summary.ts";
import type { ClinicCohortRow } from "./clinic-cohort.ts";

const YES_NO = (v: boolean | null): string => (v === null ? "" : v ? "yes" : "no");
const NUMBER = (v: number | null): string => (v === null ? "" : String(v));

/**
 * The rows as CSV text with a header line; outcome columns `<scale>_pre` and `<scale>_post`
 * in the order of `scales` (the same names `ldn analyze` reads back).
 *
 * @example
 * cohortCsv(rows, ["bpi_pain"]);
 * // "patient_id,protocol,start_date,med_mg,days_to_med,dropped_out,responder,bpi_pain_pre,bpi_pain_post\r\n..."
 */
export function cohortCsv(rows: readonly ClinicCohortRow[], scales: readonly string[]): string {
  const header = [
    "patient_id",
    "protocol",
    "start_date",
    "med_mg",
    "days_to_med",
    "dropped_out",
    "responder",
    "age",
    "on_opioids",
    "hormesis",
  ];
  for (const s of scales) header.push(`${s}_pre`, `${s}_post`);
  const lines = [header.join(",")];
  for (const { patient, protocolId, startDate, course } of rows) {
    const { painBefore: before, painAfter: after } = course;
    const responder = before === null || before <= 0 || after === null ? null : isResponder(before, after);
    const cells = [
      patient.patientId,
      protocolId,
      startDate,
      NUMBER(patient.medMg),
      NUMBER(course.daysToMed),
      YES_NO(course.droppedOut),
      YES_NO(responder),
      NUMBER(patient.age),
      YES_NO(patient.onOpioids),
      YES_NO(patient.hormesis),
    ];
    for (const s of scales)
      cells.push(NUMBER(patient.outcomes[s]?.pre ?? null), NUMBER(patient.outcomes[s]?.post ?? null));
    lines.push(cells.join(","));
  }
  // RFC 4180 ends lines with CRLF.
  return `${lines.join("\r\n")}\r\n`;
}
