import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar-date.ts";
import { micrograms } from "../dose.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { buildSchedule } from "../protocols/schedule.ts";
import { splitDoses } from "../protocols/split-doses.ts";
import type { CapsulePlan } from "./capsule-plan.ts";
import { doseRuns } from "./dose-runs.ts";
import type { FillDay } from "./fill-day.ts";
import { fillDays, planRefill } from "./refill.ts";

const TIMES = ["08:00", "12:00", "16:00", "20:00"];
const original = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 120 });

/**
 * What the titration engine will recommend once the MED is set at 0.7 mg on day 15
 * (004's hormesis example): the schedule up to day 14, then 0.7 mg a day from then on.
 */
function recommendedAfterMed(): FillDay[] {
  const held = (date: IsoDate): FillDay => ({ date, doses: splitDoses(micrograms(700), TIMES, 100) });
  return original.days.map((d) => (d.day < 15 ? d : held(d.date)));
}

describe("planRefill", () => {
  it("fills what is now recommended (the MED), not the original rising schedule", () => {
    const start = addDays(original.start, 28);
    const refill = planRefill(
      recommendedAfterMed(),
      { start, days: 28 },
      { form: "capsules" },
    ) as CapsulePlan;
    expect(refill.recipes.map((r) => [r.ug, r.count])).toEqual([
      [100, 28],
      [200, 84],
    ]);
    const asScheduled = planRefill(original.days, { start, days: 28 }, { form: "capsules" }) as CapsulePlan;
    expect(asScheduled.recipes.map((r) => r.ug)).toEqual([300, 400, 500, 600, 700]);
  });

  it("works for a liquid refill too", () => {
    const refill = planRefill(recommendedAfterMed(), { start: "2027-02-01", days: 28 }, { form: "liquid" });
    expect(refill.form).toBe("liquid");
    if (refill.form === "liquid") expect(refill.totalVolumeUl).toBe(28 * 700);
  });

  it("refuses a window the recommendation does not fully cover, naming the missing day", () => {
    const lastDate = original.days.at(-1)!.date;
    expect(() => fillDays(original.days, { start: addDays(lastDate, -2), days: 7 })).toThrow(
      `no recommended doses for ${addDays(lastDate, 1)} (day 4 of the fill from ${addDays(lastDate, -2)})`,
    );
  });

  it("refuses a recommendation that lists a date twice", () => {
    const twice = [original.days[0]!, original.days[0]!];
    expect(() => fillDays(twice, { start: original.start, days: 1 })).toThrow(/list 2027-01-04 twice/);
  });
});

describe("doseRuns", () => {
  it("groups consecutive days with the same doses into one line of directions", () => {
    const runs = doseRuns(original.days.slice(0, 5));
    expect(runs.map((r) => [r.firstDay, r.lastDay, r.doses.length])).toEqual([
      [1, 2, 1],
      [3, 4, 2],
      [5, 5, 3],
    ]);
    expect(runs[1]).toMatchObject({ firstDate: "2027-01-06", lastDate: "2027-01-07" });
  });
});
