import { describe, expect, it } from "vitest";
import { analyzeCohort, CohortAccumulator, FIGURE_PAIRS } from "./analyze-cohort.ts";
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
    const pain = [1, 2, 3, 4, 5].map((id, i) => ({
      ...patient(id),
      outcomes: { bpi_pain: { pre: 6 + i, post: 3 + i * 0.5 }, promis_gmh: { pre: 40, post: 45 + i } },
    }));
    const down = analyzeOutcome(pain, bpi);
    expect(down.improvement.mean).toBeCloseTo(4, 12);
    expect(down.pOneTailed).toBeLessThan(0.05);
    expect(down.notTested).toBeNull();
    const up = analyzeOutcome(pain, promis);
    expect(up.improvement.mean).toBeCloseTo(7, 12);
    expect(up.pOneTailed).toBeLessThan(0.05);
  });

  it("says the tests cannot be computed below five pairs, where no p could reach 0.05, and keeps the means", () => {
    const four = [1, 2, 3, 4].map((id, i) =>
      patient(id, { outcomes: { bpi_pain: { pre: 7, post: 3 + i } } }),
    );
    const r = analyzeOutcome(four, bpi);
    expect(r.n).toBe(4);
    expect(r.improvement).toEqual({ mean: 2.5, ci95: null });
    expect([r.pOneTailed, r.pTwoTailed, r.wilcoxon, r.dz]).toEqual([null, null, null, null]);
    expect(r.notTested?.reason).toBe("too-few-pairs");
    expect(r.notTested?.text).toContain("4 of the at least 5");
    const five = analyzeOutcome([...four, patient(5, { outcomes: { bpi_pain: { pre: 7, post: 2 } } })], bpi);
    expect(five.notTested).toBeNull();
    expect(five.pOneTailed).not.toBeNull();
  });

  it("says the tests cannot be computed when every patient improved by the same amount (no 'p < 0.001', no '3.00 to 3.00')", () => {
    const same = [1, 2, 3, 4, 5, 6].map((id) => patient(id, { outcomes: { bpi_pain: { pre: 7, post: 4 } } }));
    const r = analyzeOutcome(same, bpi);
    expect(r.improvement).toEqual({ mean: 3, ci95: null });
    expect(r.pOneTailed).toBeNull();
    expect(r.notTested?.reason).toBe("no-variation");
  });

  it("counts only patients with both values and leaves the tests empty below the minimum", () => {
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

describe("CohortAccumulator", () => {
  it("keeps the first 500 pairs of each scale for the slope chart, with the range and means of all", () => {
    const a = new CohortAccumulator([bpi]);
    for (let i = 0; i < 600; i++)
      a.add(patient(i, { outcomes: { bpi_pain: { pre: i === 599 ? 10 : 6, post: 3 } } }));
    const analysis = a.analysis({ problems: [], rowsLeftOut: 0, ignoredColumns: [] });
    const [figure] = a.prePostFigures(analysis);
    expect(figure!.n).toBe(600);
    expect(figure!.shown).toHaveLength(FIGURE_PAIRS);
    expect([figure!.min, figure!.max]).toEqual([3, 10]);
    expect(figure!.preMean).toBeCloseTo((599 * 6 + 10) / 600, 12);
  });
});
