import { describe, expect, it } from "vitest";
import { NOISE_FREE_GOAL, NOISY_GOAL } from "./judging-goals.ts";
import { runJudged } from "./run-judged.ts";

describe("the judged bench", () => {
  const options = {
    seed: 3,
    patients: 60,
    protocols: ["micro-titration", "fixed-standard"],
    detectors: ["literal", "robust"],
  } as const;
  const result = runJudged(options);

  it("judges every protocol and detector on noisy diaries (SD 1, autocorrelation 0.5) and noise-free, each against its goal", () => {
    expect(result.cohorts.map((c) => [c.cohort, c.noise, c.goal])).toEqual([
      ["noisy", { sd: 1, autocorrelation: 0.5 }, NOISY_GOAL],
      ["noise-free", { sd: 0, autocorrelation: 0 }, NOISE_FREE_GOAL],
    ]);
    for (const cohort of result.cohorts) {
      expect(cohort.rows.map((r) => [r.protocolKey, r.detector])).toEqual([
        ["micro-titration@2", "literal"],
        ["micro-titration@2", "robust"],
        ["fixed-standard@1", "literal"],
        ["fixed-standard@1", "robust"],
      ]);
    }
    expect(result).toMatchObject({ seed: 3, patients: 60, baselineDays: 3, goalConditions: true });
    expect(result.responders).toBe(result.cohorts[0]!.rows[0]!.judgement.responders);
  });

  it("compares each detector with literal on the same protocol, and literal with nothing", () => {
    for (const cohort of result.cohorts) {
      for (const row of cohort.rows) {
        if (row.detector === "literal") expect(row.noWorseThanLiteral).toBeNull();
        else expect(typeof row.noWorseThanLiteral).toBe("boolean");
      }
    }
  });

  it("says when its conditions are not those the goals are stated for", () => {
    const other = runJudged({
      ...options,
      patients: 5,
      protocols: ["micro-titration"],
      noiseSd: 2,
      baselineDays: 7,
    });
    expect(other.goalConditions).toBe(false);
    expect(other.cohorts[0]!.noise.sd).toBe(2);
    expect(other.baselineDays).toBe(7);
  });

  it("is reproducible from its seed", () => {
    expect(runJudged(options)).toEqual(result);
  });
});
