import { describe, expect, it } from "vitest";
import { getProtocol } from "../protocols/catalogue.ts";
import { buildSchedule } from "../protocols/schedule.ts";
import { largestMeasurableConcentration, planLiquid } from "./liquid-plan.ts";
import { formatConcentration, formatVolume, parseConcentration, parseVolume } from "./liquid-units.ts";

const micro = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 28 });

describe("planLiquid", () => {
  it("gives each micro-titration dose as a volume at 1 mg/mL and the total for the fill", () => {
    const plan = planLiquid(micro.days);
    expect(plan.doses.map((d) => [d.ug, d.volumeUl])).toEqual([
      [100, 100],
      [200, 200],
      [300, 300],
      [400, 400],
    ]);
    expect(plan.totalUg).toBe(micro.days.reduce((s, d) => s + d.totalUg, 0));
    expect(plan.totalVolumeUl).toBe(plan.totalUg); // 1 mg/mL: micrograms equal microlitres
    expect(formatVolume(plan.totalVolumeUl)).toBe("21 mL"); // 2 x (0.1 + 0.2 + ... + 1.4 mg);
  });

  it("refuses a concentration whose volumes the syringe cannot measure, naming the dose and the volume", () => {
    expect(() => planLiquid(micro.days, { concentrationUgPerMl: 2000 })).toThrow(
      "at 2 mg/mL the dose 0.1 mg is 0.05 mL, which a syringe marked every 0.1 mL cannot measure; " +
        "the most concentrated liquid that measures every dose of this fill is 1 mg/mL",
    );
  });

  it("refuses 1 mg/mL for ultra-low doses and suggests a concentration that works", () => {
    const uldn = buildSchedule(getProtocol("uldn-with-opioids"), { start: "2027-01-04", days: 7 });
    expect(() => planLiquid(uldn.days)).toThrow(/the dose 1 mcg is 0.001 mL.*is 10 mcg\/mL/);
    expect(planLiquid(uldn.days, { concentrationUgPerMl: 10 }).doses).toEqual([
      { ug: 1, count: 14, volumeUl: 100 },
    ]);
  });

  it("says 'about' when a volume is not even a whole microlitre", () => {
    const days = [{ date: "2027-01-04", doses: [{ time: "21:00", ug: 1000 }] }];
    expect(() => planLiquid(days, { concentrationUgPerMl: 3000 })).toThrow(/1 mg is about 0.333 mL/);
  });
});

describe("largestMeasurableConcentration", () => {
  it("is the largest whole mcg/mL at which every dose is whole syringe steps, or null", () => {
    expect(largestMeasurableConcentration([100, 300], 100)).toBe(1000);
    expect(largestMeasurableConcentration([1, 2], 100)).toBe(10);
    expect(largestMeasurableConcentration([1], 300)).toBeNull();
  });
});

describe("liquid units", () => {
  it("parses and shows volumes and concentrations by the ISMP rules", () => {
    expect(parseVolume("0.1 mL")).toBe(100);
    expect(parseVolume("0.05mL")).toBe(50);
    expect(() => parseVolume(".1 mL", "--syringe-step")).toThrow(/leading zero/);
    expect(() => parseVolume("0.1", "--syringe-step")).toThrow(/not a volume/);
    expect(parseConcentration("1mg/mL")).toBe(1000);
    expect(parseConcentration("100 mcg/mL")).toBe(100);
    expect(() => parseConcentration("1 mg")).toThrow(/dose per mL/);
    expect(formatConcentration(500)).toBe("0.5 mg/mL");
    expect(formatVolume(1500)).toBe("1.5 mL");
  });
});
