/**
 * A patient's next fill, from their real path: when it is needed (after the last fill
 * dispensed runs out) and what goes in it (the doses the engine plans for those days, so a
 * refill after the MED is set, or during a pause, holds the doses the patient now takes).
 */
import type { DispensedFill } from "../ports/dispensed-fill-repository.ts";
import type { Patient } from "../ports/patient-repository.ts";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import { planCapsules, type CapsulePlan } from "../../domain/compounding/capsule-plan.ts";
import {
  nextFillWindow,
  type FillSettings,
  type NextFillWindow,
} from "../../domain/compounding/next-fill.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";
import type { TitrationState } from "../../domain/titration/titration-state.ts";
import type { PatientRecord } from "./assess-patient.ts";
import { planDaysOf, type PlannedDay } from "./plan-days.ts";

export interface NextFill {
  readonly patient: Pick<Patient, "id" | "displayName">;
  /** The clinician who wrote the plan: the prescriber on the order. */
  readonly prescriber: { readonly id: string; readonly name: string | null };
  readonly planId: string;
  readonly protocol: ProtocolDefinition;
  /** The engine's state on the eve of the fill (null for a fill from the plan's first day). */
  readonly state: TitrationState | null;
  readonly window: NextFillWindow;
  /** The engine's doses for the fill's days; fewer than the window when the protocol ends first. */
  readonly days: readonly PlannedDay[];
  /** What to compound; null when the days hold no dose (nothing to make). */
  readonly capsules: CapsulePlan | null;
}

/**
 * The next fill of a patient with a plan who has not stopped; null otherwise (no plan yet, or
 * the engine gives no doses any more: nothing to fill).
 *
 * @example planNextFill({ patient, record, fills, prescriberName: "Dr K. Lee", today: "2027-01-10", settings })
 * // { window: { start: "2027-01-04", status: "overdue", ... }, capsules: { strengths: [...] }, ... }
 */
export function planNextFill(input: {
  readonly patient: Patient;
  readonly record: PatientRecord;
  readonly fills: readonly DispensedFill[];
  readonly prescriberName: string | null;
  readonly today: string;
  readonly settings: FillSettings;
}): NextFill | null {
  const { record, today } = input;
  const plan = record.plan;
  if (!plan) return null;
  const window = nextFillWindow({
    planStart: plan.startDate,
    dispensed: input.fills,
    today,
    settings: input.settings,
  });
  // One replay of the engine: the fill's days, and its state on the eve of the fill.
  const { days, state } = planDaysOf(record, window.start, window.days, "fillStart");
  if (state === "stopped") return null;
  const withDoses = days.some((d) => d.doses.length > 0);
  return {
    patient: { id: input.patient.id, displayName: input.patient.displayName },
    prescriber: { id: plan.createdBy, name: input.prescriberName },
    planId: plan.id,
    protocol: getProtocol(plan.protocolId),
    state,
    // A protocol that ends inside the window (004 stops at day 120) makes a shorter fill.
    window: days.length > 0 ? { ...window, end: parseIsoDate(days.at(-1)!.date), days: days.length } : window,
    days,
    capsules: withDoses ? planCapsules(days) : null,
  };
}
