/**
 * The cohort analysis at registry size (issue 14): 300,000 patients through the accumulator, so
 * it runs with the slow files, not in the unit loop.
 */
import { describe, expect, it } from "vitest";
import { CohortAccumulator } from "./analyze-cohort.ts";
import type { CohortPatient, Scale } from "./cohort.ts";

function patient(id: number, overrides: Partial<CohortPatient> = {}): CohortPatient {
  return {
    line: id + 1,
    patientId: `P${id}`,
    sex: "female",
    age: 40,
    bmi: 25,
    hypermobile: true,
    mcad: false,
    medMg: 1,
    hormesis: false,
    onOpioids: false,
    outcomes: {},
    ...overrides,
  };
}

describe("CohortAccumulator", () => {
  it("bins and tests a registry of 300,000 patients without spreading them into a call (issue 14)", () => {
    const scale: Scale = { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" };
    const a = new CohortAccumulator([scale]);
    for (let i = 0; i < 300_000; i++) {
      a.add(
        patient(i, {
          medMg: 0.1 + (i % 56) / 10,
          bmi: 20 + (i % 13),
          hypermobile: i % 3 !== 0,
          outcomes: { bpi_pain: { pre: 6 + (i % 5) / 4, post: 4 + (i % 7) / 4 } },
        }),
      );
    }
    const analysis = a.analysis({ problems: [], rowsLeftOut: 0, ignoredColumns: [] });
    expect(analysis.medHistogram.n).toBe(300_000);
    expect(analysis.medHistogram.bins.at(-1)!.toMg).toBe(6);
    expect(analysis.outcomes[0]!.n).toBe(300_000);
    expect(analysis.outcomes[0]!.wilcoxon!.method).toBe("normal-approximation");
    expect(analysis.bmiVsMed.n).toBe(300_000);
    expect(analysis.medByGroup.p).not.toBeNull();
  });
});
