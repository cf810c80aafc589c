/**
 * Refills follow the patient's real path. After the MED is set, or a titration is
 * paused for a side effect, the next fill must match the doses now recommended, not
 * the original schedule. The recommended doses come in as plain days (the shape of a
 * schedule's days, and of the titration engine's recommendations), so anything that
 * can say "these are the doses from now on" can drive a refill.
 */
import { addDays, parseIsoDate } from "../calendar-date.ts";
import { invalidArgument, refused } from "../errors.ts";
import { planCapsules, type CapsulePlan } from "./capsule-plan.ts";
import type { CapsuleSettingOverrides } from "./capsule-settings.ts";
import type { FillDay } from "./fill-day.ts";
import { planLiquid, type LiquidPlan, type LiquidSettingOverrides } from "./liquid-plan.ts";

/** A fill's first day and length. */
export interface FillWindow {
  readonly start: string;
  readonly days: number;
}

/** Which form to compound, with that form's clinic settings. */
export type FillForm =
  | { readonly form: "capsules"; readonly settings?: CapsuleSettingOverrides }
  | { readonly form: "liquid"; readonly settings?: LiquidSettingOverrides };

/**
 * The days of `recommended` that fall in the fill window, in date order. Refuses a
 * window with a day the recommendation does not cover (the patient would run out) or
 * a date recommended twice (two different answers for one day).
 *
 * @example fillDays(recommended, { start: "2027-03-01", days: 28 }).length // 28
 */
export function fillDays<D extends FillDay>(recommended: readonly D[], window: FillWindow): D[] {
  const start = parseIsoDate(window.start, "fill start");
  if (!Number.isSafeInteger(window.days) || window.days < 1) {
    throw invalidArgument("days", window.days, "a fill lasts a whole number of days, at least 1");
  }
  const byDate = new Map<string, D>();
  for (const day of recommended) {
    if (byDate.has(day.date)) {
      throw refused(`the recommended doses list ${day.date} twice`, {
        field: "date",
        value: day.date,
      });
    }
    byDate.set(day.date, day);
  }
  const out: D[] = [];
  for (let i = 0; i < window.days; i++) {
    const date = addDays(start, i);
    const day = byDate.get(date);
    if (!day) {
      throw refused(
        `no recommended doses for ${date} (day ${i + 1} of the fill from ${start}); a fill must cover every day`,
        { field: "date", value: date },
      );
    }
    out.push(day);
  }
  return out;
}

/**
 * Plans the next fill from the doses now recommended: the window's days, compounded
 * in the chosen form.
 *
 * @example planRefill(engineDays, { start: "2027-03-01", days: 28 }, { form: "capsules" })
 * // a capsule plan for 28 days of the recommended doses (e.g. the MED), not the original schedule
 */
export function planRefill(
  recommended: readonly FillDay[],
  window: FillWindow,
  form: FillForm,
): CapsulePlan | LiquidPlan {
  return planFill(fillDays(recommended, window), form);
}

/**
 * Plans a fill of the given days in the chosen form.
 *
 * @example planFill(schedule.days.slice(0, 28), { form: "liquid" }).totalVolumeUl
 */
export function planFill(days: readonly FillDay[], form: FillForm): CapsulePlan | LiquidPlan {
  return form.form === "capsules" ? planCapsules(days, form.settings) : planLiquid(days, form.settings);
}
