import { describe, expect, it } from "vitest";
import { meetsGoal, NOISE_FREE_GOAL, NOISY_GOAL, noWorseThan } from "./judging-goals.ts";
import type { Judgement } from "./summarise-judgement.ts";

const judgement = (score: number | null, nonResponderMedShare: number | null): Judgement => ({
  patients: 100,
  responders: 60,
  nonResponders: 40,
  score,
  nonResponderMedShare,
  responderNoMedShare: 0,
  harmfulMedShare: 0,
  medianDaysToDecision: 40,
  meanErrorMg: 0.1,
  undecidedShare: 0,
});

describe("issue 11's goals", () => {
  it("are met on noisy diaries from a score of 0.85 with at most 10% of non-responders given a MED", () => {
    expect(meetsGoal(judgement(0.85, 0.1), NOISY_GOAL)).toBe(true);
    expect(meetsGoal(judgement(0.8499, 0.1), NOISY_GOAL)).toBe(false);
    expect(meetsGoal(judgement(0.9, 0.1001), NOISY_GOAL)).toBe(false);
  });

  it("are met noise-free from a score of 0.95 with no non-responder given a MED", () => {
    expect(meetsGoal(judgement(0.95, 0), NOISE_FREE_GOAL)).toBe(true);
    expect(meetsGoal(judgement(0.9499, 0), NOISE_FREE_GOAL)).toBe(false);
    expect(meetsGoal(judgement(1, 0.001), NOISE_FREE_GOAL)).toBe(false);
  });

  it("are not met with no responders to score", () => {
    expect(meetsGoal(judgement(null, 0), NOISY_GOAL)).toBe(false);
  });
});

describe("no worse than literal", () => {
  const literal = judgement(0.5, 0.2);

  it("holds with a score as high and a non-responder MED share as low, ties included", () => {
    expect(noWorseThan(judgement(0.5, 0.2), literal)).toBe(true);
    expect(noWorseThan(judgement(0.7, 0.1), literal)).toBe(true);
  });

  it("fails on a lower score or more non-responders given a MED, whatever the other figure", () => {
    expect(noWorseThan(judgement(0.49, 0), literal)).toBe(false);
    expect(noWorseThan(judgement(0.9, 0.21), literal)).toBe(false);
  });
});
