import { describe, expect, it } from "vitest";
import type { IsoDate } from "../calendar-date.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { buildSchedule } from "../protocols/schedule.ts";
import { CapsuleCounter, SIMULATED_FILL_DAYS } from "./fill-capsules.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { runSimulation } from "./run-simulation.ts";
import { benefitAt, COHORT, drawPatient } from "./virtual-patient.ts";

const cohort = (n: number, noisy = true) =>
  Array.from({ length: n }, (_, i) => drawPatient(createRng(deriveSeed(3, i, 0)), i, noisy));

describe("the virtual cohort", () => {
  const patients = cohort(4000);
  const responders = patients.filter((p) => p.responder);

  it("spreads MEDs like 004: from 0.1 to 5.6 mg, most at 2 mg or less", () => {
    const meds = responders.map((p) => p.medUg);
    expect(meds.every((m) => m >= 100 && m <= 5600)).toBe(true);
    expect(meds.filter((m) => m <= 2000).length / meds.length).toBeGreaterThan(0.5);
  });

  it("includes non-responders and hormetic patients whose pain at high doses is worse than before LDN", () => {
    expect(patients.some((p) => !p.responder)).toBe(true);
    const hormetic = responders.find((p) => p.hormetic)!;
    expect(benefitAt(hormetic, hormetic.medUg)).toBeCloseTo(hormetic.maxBenefit);
    expect(benefitAt(hormetic, hormetic.medUg + Math.max(600, hormetic.medUg))).toBeLessThan(0);
  });

  it("gives the noise-free twin the very same patient (curve, side effects, ratings' traits) with no noise", () => {
    const twins = cohort(400, false);
    cohort(400).forEach((p, i) => expect({ ...twins[i]!, noiseSd: p.noiseSd }).toEqual(p));
    expect(twins.every((p) => p.noiseSd === 0)).toBe(true);
  });

  it("gives non-responders no latent benefit at any dose", () => {
    const doses = Array.from({ length: 121 }, (_, k) => k * 50);
    for (const p of patients.filter((q) => !q.responder)) {
      expect(doses.every((ug) => benefitAt(p, ug) === 0)).toBe(true);
    }
  });

  it("makes the pain of about 15% of responders barely move (about 0.2 points per point of benefit)", () => {
    const barely = responders.filter((p) => p.painScale < 1);
    expect(barely.length / responders.length).toBeCloseTo(COHORT.painBarelyMovesShare, 1);
    expect(barely.every((p) => p.painScale >= 0.1 && p.painScale <= 0.3)).toBe(true);
    expect(patients.filter((p) => !p.responder).every((p) => p.painScale === 1)).toBe(true);
  });

  it("gives mood, energy and clarity baselines around 4-5 and a rise of about a point per point of benefit", () => {
    const traits = patients.flatMap((p) => [p.mood, p.energy, p.clarity]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(traits.map((t) => t.baseline))).toBeGreaterThan(4);
    expect(mean(traits.map((t) => t.baseline))).toBeLessThan(5);
    expect(mean(traits.map((t) => t.risePerBenefit))).toBeCloseTo(1, 1);
    expect(new Set(traits.map((t) => t.risePerBenefit)).size).toBeGreaterThan(1000);
  });
});

describe("the simulation", () => {
  const options = {
    seed: 5,
    patients: 300,
    noisy: true,
    protocols: ["micro-titration"],
    detectors: ["literal", "robust"],
  } as const;

  it("is reproducible from its seed", () => {
    expect(runSimulation(options)).toEqual(runSimulation(options));
  });

  it("reports every figure per protocol and detector, and the robust detector finds more MEDs on a noisy cohort", () => {
    const result = runSimulation(options);
    const [literal, robust] = result.rows.map((r) => r.summary);
    expect(result.rows.map((r) => [r.protocolKey, r.detector])).toEqual([
      ["micro-titration@2", "literal"],
      ["micro-titration@2", "robust"],
    ]);
    expect(robust!.medFound).toBeGreaterThan(literal!.medFound);
    expect(robust!.meanCapsules).toBeGreaterThan(0);
    expect(robust!.dropOuts).toBeGreaterThan(0);
  });
});

describe("seeds", () => {
  it("give different cohorts, not the same patients in another order (seeds 1 and 2 once did)", () => {
    const meds = (seed: number) =>
      Array.from({ length: 400 }, (_, i) => drawPatient(createRng(deriveSeed(seed, i, 0)), i, true).medUg)
        .sort((a, b) => a - b)
        .join(",");
    expect(meds(1)).not.toBe(meds(2));
    expect(meds(1)).not.toBe(meds(3));
  });
});

describe("capsules", () => {
  const start = "2027-01-04" as IsoDate;
  const micro = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 56 }).days;
  const doses = micro.map((d) => d.doses);

  it("counts what the compounding planner makes for each 28-day fill, not one capsule per dose", () => {
    const counter = new CapsuleCounter();
    // The planner's first 28 days of micro-titration: 106 capsules of 0.1, 0.2 and 0.3 mg for 100 doses.
    expect(counter.count(start, doses.slice(0, SIMULATED_FILL_DAYS))).toBe(106);
    expect(doses.slice(0, SIMULATED_FILL_DAYS).flat()).toHaveLength(100);
    const twoFills = counter.count(start, doses);
    expect(twoFills).toBeGreaterThan(106);
    expect(counter.counted).toBe(3);
  });

  it("plans a fill with the same doses once, and counts an empty fill as none", () => {
    const counter = new CapsuleCounter();
    const days = Array.from({ length: 10 }, () => [{ time: "21:00", ug: 4500 }]);
    expect(counter.count(start, days)).toBe(10);
    expect(counter.count("2027-02-04" as IsoDate, days)).toBe(10);
    expect(counter.planned).toBe(1);
    expect(counter.count(start, [[], []])).toBe(0);
  });
});
