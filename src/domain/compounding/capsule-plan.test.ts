import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getProtocol } from "../protocols/catalogue.ts";
import { buildSchedule } from "../protocols/schedule.ts";
import { DomainError } from "../errors.ts";
import { planCapsules } from "./capsule-plan.ts";
import { describeCapsuleSettings } from "./capsule-settings.ts";

const micro = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 120 });

describe("planCapsules", () => {
  it("plans the first 28 days of a micro-titration from 0.1, 0.2 and 0.3 mg capsules, 0.4 mg as two", () => {
    const plan = planCapsules(micro.days.slice(0, 28));
    expect(plan.period).toEqual({ start: "2027-01-04", end: "2027-01-31", days: 28 });
    expect(plan.strengths).toEqual([
      { ug: 100, quantity: 38 },
      { ug: 200, quantity: 32 },
      { ug: 300, quantity: 36 },
    ]);
    expect(plan.recipes.find((r) => r.ug === 400)).toEqual({ ug: 400, count: 6, capsules: [300, 100] });
    // 3 x $15 + 106 x $1 against 4 x $15 + 100 x $1 (clinic-setting default prices).
    expect(plan.cost).toMatchObject({ strengths: 3, capsules: 106, totalCents: 15100, perDayCents: 539 });
    expect(plan.simple.cost).toMatchObject({ strengths: 4, capsules: 100, totalCents: 16000 });
    expect(plan.savingCents).toBe(900);
  });

  it("never asks for more capsules per dose than the clinic allows, and every dose adds up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 300 }),
        (from, length, max, fee, price) => {
          const days = micro.days.slice(from, from + length);
          const plan = planCapsules(days, {
            maxCapsulesPerDose: max,
            feePerStrengthCents: fee,
            pricePerCapsuleCents: price,
          });
          for (const r of plan.recipes) {
            expect(r.capsules.length).toBeLessThanOrEqual(max);
            expect(r.capsules.reduce((a, b) => a + b, 0)).toBe(r.ug);
          }
          const doses = days.flatMap((d) => d.doses).length;
          expect(plan.recipes.reduce((n, r) => n + r.count, 0)).toBe(doses);
          expect(plan.strengths.reduce((n, s) => n + s.quantity, 0)).toBe(plan.cost.capsules);
          expect(plan.savingCents).toBe(plan.simple.cost.totalCents - plan.cost.totalCents);
          expect(plan.savingCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds 0.15 mg and 0.35 mg capsules for 0.3, 0.5 and 0.7 mg doses when the pharmacy works in 0.05 mg", () => {
    const days = ["2027-01-04", "2027-01-05"].map((date) => ({
      date,
      doses: [300, 500, 700].map((ug, i) => ({ time: `0${8 + i}:00`, ug })),
    }));
    expect(planCapsules(days).strengths.map((s) => s.ug)).toEqual([300, 500, 700]);
    expect(planCapsules(days, { strengthStepUg: 50 }).strengths.map((s) => s.ug)).toEqual([150, 350]);
  });

  it("refuses a strength step that cannot make a dose, naming the dose", () => {
    const days = [{ date: "2027-01-04", doses: [{ time: "21:00", ug: 4500 }] }];
    expect(() => planCapsules(days, { strengthStepUg: 2000 })).toThrow(
      /4.5 mg is not a whole number of 2 mg steps/,
    );
  });

  it("refuses a fill with no doses and days that are not consecutive", () => {
    expect(() => planCapsules([{ date: "2027-01-04", doses: [] }])).toThrow(DomainError);
    const gap = [micro.days[0]!, micro.days[2]!];
    expect(() => planCapsules(gap)).toThrow(/consecutive: 2027-01-06 follows 2027-01-04/);
  });

  it("labels every setting a clinic setting", () => {
    const lines = describeCapsuleSettings(planCapsules(micro.days.slice(0, 7)).settings);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toContain("clinic setting");
  });
});
