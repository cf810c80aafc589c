import { describe, expect, it } from "vitest";
import { NO_NOISE } from "./ar1-noise.ts";
import { createDiaryRater, IMPRESSION_THRESHOLD, impression, rating } from "./diary-rater.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { benefitAt, drawPatient, type VirtualPatient } from "./virtual-patient.ts";

const patients = Array.from({ length: 600 }, (_, i) => drawPatient(createRng(deriveSeed(4, i, 0)), i, false));
const responder = patients.find((p) => p.responder && p.painScale === 1 && p.medUg >= 1500)!;
const barely = patients.find((p) => p.responder && p.painScale < 1)!;
const nonResponder = patients.find((p) => !p.responder)!;

/** The micro-titration levels up to 6 mg, each rated on its 2 days. */
const levels = Array.from({ length: 60 }, (_, k) => (k + 1) * 100);

function rateLevels(p: VirtualPatient, noise = NO_NOISE, seed = 1) {
  const rater = createDiaryRater(p, noise, createRng(seed));
  return levels.flatMap((ug) => [rater.rate(ug, ug), rater.rate(ug, ug)].map((r) => ({ ug, ...r })));
}

describe("diary ratings from the latent benefit", () => {
  it("are the rounded curve when noise-free: pain falls by painScale, mood, energy and clarity rise by their own slope", () => {
    for (const p of [responder, barely]) {
      for (const day of rateLevels(p)) {
        const b = benefitAt(p, day.ug);
        expect(day.pain).toBe(rating(p.baselinePain - p.painScale * b));
        expect(day.mood).toBe(rating(p.mood.baseline + p.mood.risePerBenefit * b));
        expect(day.energy).toBe(rating(p.energy.baseline + p.energy.risePerBenefit * b));
        expect(day.clarity).toBe(rating(p.clarity.baseline + p.clarity.risePerBenefit * b));
      }
    }
  });

  it("are whole numbers from 0 to 10, as a patient marks them, however noisy", () => {
    for (const day of rateLevels(responder, { sd: 4, autocorrelation: 0.5 })) {
      for (const v of [day.pain, day.mood, day.energy, day.clarity]) {
        expect(Number.isInteger(v) && v >= 0 && v <= 10).toBe(true);
      }
    }
  });

  it("leave a non-responder's ratings at baseline on every dose when noise-free", () => {
    const days = rateLevels(nonResponder);
    expect(new Set(days.map((d) => d.pain))).toEqual(new Set([nonResponder.baselinePain]));
    expect(new Set(days.map((d) => d.mood))).toEqual(new Set([rating(nonResponder.mood.baseline)]));
    expect(new Set(days.map((d) => d.impression))).toEqual(new Set(["same"]));
  });

  it("show the benefit of a responder whose pain barely moves in mood, energy and clarity", () => {
    const atMed = rateLevels(barely).find((d) => d.ug === barely.medUg)!;
    const before = rateLevels(barely)[0]!;
    const wellbeing = (d: typeof atMed) => d.mood + d.energy + d.clarity;
    expect(Math.abs(atMed.pain - before.pain)).toBeLessThanOrEqual(1);
    expect(wellbeing(atMed) - wellbeing(before)).toBeGreaterThanOrEqual(3);
  });

  it("differ between the noisy twin and the noise-free one, from the same seed", () => {
    const noisy = rateLevels(responder, { sd: 1, autocorrelation: 0.5 });
    expect(noisy.map((d) => d.pain)).not.toEqual(rateLevels(responder).map((d) => d.pain));
  });
});

describe("the patient's impression against the previous level", () => {
  it("is better when the latent benefit rose by more than the threshold since the previous level, worse when it fell", () => {
    expect(impression(IMPRESSION_THRESHOLD + 0.01)).toBe("better");
    expect(impression(IMPRESSION_THRESHOLD)).toBe("same");
    expect(impression(-IMPRESSION_THRESHOLD)).toBe("same");
    expect(impression(-IMPRESSION_THRESHOLD - 0.01)).toBe("worse");
  });

  it("compares every day of a level with the level before it (noise-free)", () => {
    const p = responder;
    const rater = createDiaryRater(p, NO_NOISE, createRng(1));
    const lo = p.onsetUg;
    const high = p.medUg + 3000;
    rater.rate(lo, lo);
    const up = [rater.rate(p.medUg, p.medUg), rater.rate(p.medUg, p.medUg)];
    const change = benefitAt(p, p.medUg) - benefitAt(p, lo);
    expect(up.map((d) => d.impression)).toEqual(Array(2).fill(impression(change)));
    rater.rate(high, high);
    const back = rater.rate(p.medUg, p.medUg);
    expect(back.impression).toBe(impression(benefitAt(p, p.medUg) - benefitAt(p, high)));
  });
});

describe("rating", () => {
  it("rounds to a whole number and clamps to 0-10", () => {
    expect([rating(-0.7), rating(3.49), rating(3.5), rating(10.6)]).toEqual([0, 3, 4, 10]);
  });
});
