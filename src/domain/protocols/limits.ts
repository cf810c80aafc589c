/**
 * The hard limits of a protocol, checked on any day a schedule or an adjustment
 * proposes. The step limit bounds an increase of the daily total from one day to the
 * next; going down (back to a lower dose) is always allowed, since that is how
 * titration corrects itself.
 */
import { formatDose } from "../dose.ts";
import { limitExceeded } from "../errors.ts";
import type { ProtocolDefinition } from "./protocol.ts";

export interface DoseDay {
  readonly totalUg: number;
  readonly doses: readonly { readonly time: string; readonly ug: number }[];
}

export interface LimitViolation {
  readonly limit: "maxPerDoseUg" | "maxPerDayUg" | "maxStepUg" | "maxDosesPerDay" | "total";
  readonly message: string;
}

/**
 * Lists every limit `day` breaks; `previousTotalUg` (the day before, if any) enables the step check.
 *
 * @example limitViolations(microTitration, { totalUg: 7000, doses: [...] }) // [{ limit: "maxPerDayUg", ... }]
 */
export function limitViolations(
  protocol: ProtocolDefinition,
  day: DoseDay,
  previousTotalUg?: number,
): LimitViolation[] {
  const { limits, unit } = protocol;
  const show = (ug: number) => formatDose(ug, unit);
  const found: LimitViolation[] = [];
  const sum = day.doses.reduce((a, d) => a + d.ug, 0);
  if (sum !== day.totalUg) {
    found.push({
      limit: "total",
      message: `doses add up to ${show(sum)}, not the day's total ${show(day.totalUg)}`,
    });
  }
  if (day.totalUg > limits.maxPerDayUg) {
    found.push({
      limit: "maxPerDayUg",
      message: `${show(day.totalUg)} a day is above the ${show(limits.maxPerDayUg)} limit (${limits.why.maxPerDayUg})`,
    });
  }
  if (day.doses.length > limits.maxDosesPerDay) {
    found.push({
      limit: "maxDosesPerDay",
      message: `${day.doses.length} doses a day is above the limit of ${limits.maxDosesPerDay} (${limits.why.maxDosesPerDay})`,
    });
  }
  for (const dose of day.doses) {
    if (dose.ug > limits.maxPerDoseUg) {
      found.push({
        limit: "maxPerDoseUg",
        message: `${show(dose.ug)} at ${dose.time} is above the ${show(limits.maxPerDoseUg)} per-dose limit (${limits.why.maxPerDoseUg})`,
      });
    }
  }
  if (
    previousTotalUg !== undefined &&
    previousTotalUg > 0 &&
    day.totalUg - previousTotalUg > limits.maxStepUg
  ) {
    found.push({
      limit: "maxStepUg",
      message: `an increase of ${show(day.totalUg - previousTotalUg)} in a day is above the ${show(limits.maxStepUg)} step limit (${limits.why.maxStepUg})`,
    });
  }
  return found;
}

/** Throws `limit_exceeded` naming the first broken limit; see `limitViolations`. */
export function assertWithinLimits(
  protocol: ProtocolDefinition,
  day: DoseDay,
  previousTotalUg?: number,
  where = "dose",
): void {
  const [first] = limitViolations(protocol, day, previousTotalUg);
  if (first) {
    throw limitExceeded(`${where}: ${first.message} for ${protocol.id}`, {
      field: where,
      limit: first.limit,
    });
  }
}
