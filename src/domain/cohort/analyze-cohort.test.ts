import { describe, expect, it } from "vitest";
import { analyzeCohort } from "./analyze-cohort.ts";
import type { Cohort, CohortPatient, Scale } from "./cohort.ts";
import { medHistogram } from "./med-histogram.ts";
import { analyzeOutcome } from "./outcome-analysis.ts";

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

const bpi: Scale = { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" };
const promis: Scale = { name: "promis_gmh", direction: "higher-is-better", directionFrom: "prefix" };

describe("analyzeOutcome", () => {
  it("signs improvement so that positive is better, for either direction", () => {
    const pain = [patient(1), patient(2), patient(3)].map((p, i) => ({
      ...p,
      outcomes: { bpi_pain: { pre: 6 + i, post: 3 + i * 0.5 }, promis_gmh: { pre: 40, post: 45 + i } },
    }));
    const down = analyzeOutcome(pain, bpi);
    expect(down.improvement.mean).toBeCloseTo(3.5, 12);
    expect(down.pOneTailed).toBeLessThan(0.05);
    const up = analyzeOutcome(pain, promis);
    expect(up.improvement.mean).toBeCloseTo(6, 12);
    expect(up.pOneTailed).toBeLessThan(0.05);
  });

  it("counts only patients with both values and leaves the tests empty below two pairs", () => {
    const patients = [
      patient(1, { outcomes: { bpi_pain: { pre: 6, post: 4 } } }),
      patient(2, { outcomes: { bpi_pain: { pre: 6, post: null } } }),
    ];
    const r = analyzeOutcome(patients, bpi);
    expect(r.n).toBe(1);
    expect(r.improvement).toEqual({ mean: 2, ci95: null });
    expect(r.t).toBeNull();
    expect(r.wilcoxon).toBeNull();
  });
});

describe("medHistogram", () => {
  it("puts a MED on the upper edge of a bin into that bin, in half-milligram bins", () => {
    const h = medHistogram([0.1, 0.5, 0.6, 2.0, 2.1].map((medMg, i) => patient(i, { medMg })));
    expect(h.bins.map((b) => b.count)).toEqual([2, 1, 0, 1, 1]);
    expect(h.bins[4]).toEqual({ fromMg: 2, toMg: 2.5, count: 1 });
  });
});

describe("analyzeCohort", () => {
  it("counts percentages over the patients with the item recorded", () => {
    const cohort: Cohort = {
      patients: [patient(1), patient(2, { hypermobile: false }), patient(3, { hypermobile: null })],
      scales: [],
      problems: [],
      rowsLeftOut: 0,
      ignoredColumns: [],
    };
    const a = analyzeCohort(cohort);
    expect(a.table1.hypermobile).toEqual({ n: 1, percent: 50, known: 2 });
    expect(a.medByGroup.p).toBeNull(); // fewer than two patients in each group
  });

  it("refuses a cohort with no readable rows", () => {
    expect(() =>
      analyzeCohort({ patients: [], scales: [], problems: [], rowsLeftOut: 3, ignoredColumns: [] }),
    ).toThrow("no patient rows could be read");
  });
});
