/**
 * A clinician's decisions are inputs to the engine, dated like diary days. A decision
 * dated D is applied after D's diary entry, so it shapes the doses from D+1 on, and an
 * assessment as of a date before D does not see it (replayable).
 */
import { parseIsoDate, type IsoDate } from "../calendar-date.ts";
import { formatDose } from "../dose.ts";
import { invalidArgument, limitExceeded } from "../errors.ts";
import type { ProtocolDefinition } from "../protocols/protocol.ts";
import { asObject } from "../diary/parse-diary-day.ts";

export type ClinicianDecision =
  /** Take this daily total from tomorrow (a trial dose, a correction); increases climb by the protocol's step. */
  | { readonly date: IsoDate; readonly kind: "set-dose"; readonly totalUg: number; readonly note?: string }
  /** The MED is this dose. */
  | { readonly date: IsoDate; readonly kind: "set-med"; readonly totalUg: number; readonly note?: string }
  /** Take the day's total in this many doses. */
  | {
      readonly date: IsoDate;
      readonly kind: "consolidate";
      readonly doseCount: number;
      readonly note?: string;
    }
  | { readonly date: IsoDate; readonly kind: "pause" | "resume" | "stop"; readonly note?: string };

export const DECISION_KINDS = ["set-dose", "set-med", "consolidate", "pause", "resume", "stop"] as const;

/**
 * Checks one decision against the protocol: doses within its daily limit and in whole
 * units the protocol can split, a dose count it allows.
 *
 * @example parseDecision({ date: "2027-02-01", kind: "set-dose", totalUg: 1000 }, microTitration, "decisions[0]")
 */
export function parseDecision(value: unknown, protocol: ProtocolDefinition, path: string): ClinicianDecision {
  const obj = asObject(value, path);
  const date = parseIsoDate(typeof obj.date === "string" ? obj.date : String(obj.date), `${path}.date`);
  const note = obj.note === undefined ? {} : { note: String(obj.note) };
  const kind = obj.kind;
  if (kind === "set-dose" || kind === "set-med") {
    return { date, kind, totalUg: decisionDose(obj.totalUg, protocol, `${path}.totalUg`), ...note };
  }
  if (kind === "consolidate") {
    const n = obj.doseCount;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > protocol.limits.maxDosesPerDay) {
      throw invalidArgument(
        `${path}.doseCount`,
        n,
        `must be 1 to ${protocol.limits.maxDosesPerDay} doses a day`,
      );
    }
    return { date, kind, doseCount: n, ...note };
  }
  if (kind === "pause" || kind === "resume" || kind === "stop") return { date, kind, ...note };
  throw invalidArgument(`${path}.kind`, kind, `must be one of ${DECISION_KINDS.join(", ")}`);
}

function decisionDose(value: unknown, protocol: ProtocolDefinition, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw invalidArgument(field, value, "must be a whole number of micrograms above 0");
  }
  if (value > protocol.limits.maxPerDayUg) {
    throw limitExceeded(
      `${field}: ${formatDose(value, protocol.unit)} a day is above ${protocol.id}'s ${formatDose(protocol.limits.maxPerDayUg, protocol.unit)} limit (${protocol.limits.why.maxPerDayUg})`,
      { field, value },
    );
  }
  return value;
}
