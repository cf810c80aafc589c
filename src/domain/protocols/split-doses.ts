/**
 * Splitting a day's total into its doses, by the rule of 004 ("Dosing Protocol for
 * LDN"; clinical reference 2.1): with k whole units, dose i (i = 0 first) gets
 * floor(k/n) units plus one more if i < k mod n; empty doses are left out. This
 * reproduces the source's table exactly (0.5 mg = 0.2, 0.1, 0.1, 0.1).
 */
import { micrograms, type Micrograms } from "../dose.ts";
import { invalidDose } from "../errors.ts";

export interface ScheduledDose {
  readonly time: string;
  readonly ug: Micrograms;
}

/**
 * @example splitDoses(500, ["08:00","12:00","16:00","20:00"], 100)
 * // [{time:"08:00",ug:200},{time:"12:00",ug:100},{time:"16:00",ug:100},{time:"20:00",ug:100}]
 */
export function splitDoses(
  totalUg: number,
  times: readonly string[],
  granularityUg: number,
): ScheduledDose[] {
  if (totalUg % granularityUg !== 0) {
    throw invalidDose(
      `a daily total of ${totalUg} mcg cannot be split into whole units of ${granularityUg} mcg`,
      { field: "totalUg", value: totalUg },
    );
  }
  const units = totalUg / granularityUg;
  const n = times.length;
  return times
    .map((time, i) => ({
      time,
      ug: micrograms((Math.floor(units / n) + (i < units % n ? 1 : 0)) * granularityUg),
    }))
    .filter((dose) => dose.ug > 0);
}
