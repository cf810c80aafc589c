/**
 * The capsules the pharmacy makes for one virtual patient: the days the patient was on the
 * plan, cut into fills, each planned by the compounding planner (`planCapsules`: the
 * cheapest set of strengths, each dose from at most the clinic's capsules per dose), so the
 * bench's `capsules` column counts what would be compounded, not one per dose.
 */
import { addDays, type IsoDate } from "../calendar-date.ts";
import { planCapsules } from "../compounding/capsule-plan.ts";
import type { FillDay, FillDose } from "../compounding/fill-day.ts";

/**
 * Clinic setting of the bench: the pharmacy fills 28 days at a time (the 4-week fill of
 * `ldn-once-daily`'s schedule), with the planner's default clinic settings (at most 2
 * capsules a dose, its default fee and price). The last fill covers only the days up to
 * the decision or drop-out: what was taken, not what might have been left over.
 */
export const SIMULATED_FILL_DAYS = 28;

/**
 * Counts capsules fill by fill. The planner's exact search depends only on a fill's dose
 * amounts and how often each is taken, so plans are cached by that multiset: thousands of
 * virtual patients share a few hundred distinct fills.
 */
export class CapsuleCounter {
  private readonly cache = new Map<string, number>();
  /** Fills planned (cache misses) and fills counted, for the bench's own report. */
  planned = 0;
  counted = 0;

  /**
   * Capsules for a path of days (each day's scheduled doses, from `start`), in fills of
   * `SIMULATED_FILL_DAYS`.
   *
   * @example new CapsuleCounter().count("2027-01-04", [[{ time: "08:00", ug: 100 }], [{ time: "08:00", ug: 100 }]]) // 2
   */
  count(start: IsoDate, days: readonly (readonly FillDose[])[]): number {
    let capsules = 0;
    for (let from = 0; from < days.length; from += SIMULATED_FILL_DAYS) {
      capsules += this.fill(start, from, days.slice(from, from + SIMULATED_FILL_DAYS));
    }
    return capsules;
  }

  private fill(start: IsoDate, from: number, days: readonly (readonly FillDose[])[]): number {
    const amounts = new Map<number, number>();
    for (const doses of days) for (const d of doses) amounts.set(d.ug, (amounts.get(d.ug) ?? 0) + 1);
    if (amounts.size === 0) return 0;
    this.counted += 1;
    const key = [...amounts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([ug, n]) => `${ug}x${n}`)
      .join(",");
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const fillDays: FillDay[] = days.map((doses, i) => ({ date: addDays(start, from + i), doses }));
    const capsules = planCapsules(fillDays).cost.capsules;
    this.planned += 1;
    this.cache.set(key, capsules);
    return capsules;
  }
}
