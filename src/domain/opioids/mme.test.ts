import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DomainError } from "../errors.ts";
import { calculateMme } from "./mme.ts";
import { OPIOIDS } from "./opioid-catalogue.ts";
import type { OpioidRegimen } from "./regimen.ts";

const mg = (drug: string, amount: number, dosesPerDay: number): OpioidRegimen => ({
  drug,
  amount,
  unit: "mg",
  dosesPerDay,
});
const patch = (amount: number): OpioidRegimen => ({ drug: "fentanyl", amount, unit: "mcg/hr" });
const micro = (mme: number) => Math.round(mme * 1_000_000);

describe("calculateMme", () => {
  it("multiplies mg/day by each drug's CDC 2022 factor", () => {
    const result = calculateMme([mg("oxycodone", 10, 3), mg("morphine", 15, 2), mg("codeine", 30, 4)]);
    expect(result.lines.map((l) => [l.drug, l.perDay, l.factor, l.mmePerDay])).toEqual([
      ["oxycodone", 30, 1.5, 45],
      ["morphine", 30, 1, 30],
      ["codeine", 120, 0.15, 18],
    ]);
    expect(result.totalMmePerDay).toBe(93);
  });

  it("converts a fentanyl patch per mcg/hr, with no doses a day", () => {
    const [line] = calculateMme([patch(25)]).lines;
    expect(line).toMatchObject({
      perDay: 25,
      perDayUnit: "mcg/hr",
      dosesPerDay: null,
      factor: 2.4,
      mmePerDay: 60,
    });
  });

  it("reproduces the CDC 2022 worked examples (hydrocodone 5 mg x4 = 20; oxycodone ER 10 mg x2 = 30)", () => {
    expect(calculateMme([mg("hydrocodone", 5, 4)]).totalMmePerDay).toBe(20);
    expect(calculateMme([mg("oxycodone", 10, 2)]).totalMmePerDay).toBe(30);
  });

  it("gets every factor's arithmetic exact where binary floating point would not", () => {
    // 0.1 * 3 * 0.15 in floating point is 0.045000000000000005
    expect(calculateMme([mg("codeine", 0.1, 3)]).totalMmePerDay).toBe(0.045);
    expect(calculateMme([mg("methadone", 7.5, 3)]).totalMmePerDay).toBe(105.75);
    expect(calculateMme([mg("tapentadol", 50, 3), mg("tramadol", 50, 3)]).totalMmePerDay).toBe(90);
  });

  it("keeps the name as written and reports the drug it means", () => {
    expect(calculateMme([mg("OxyContin", 20, 2)]).lines[0]).toMatchObject({
      drug: "oxycodone",
      written: "OxyContin",
    });
  });

  it("flags 49.9, 50, 90 and 90.1 MME/day exactly at the thresholds", () => {
    const flags = (mgPerDay: number) => calculateMme([mg("morphine", mgPerDay, 1)]).flags.map((f) => f.code);
    expect(flags(49.9)).toEqual([]);
    expect(flags(50)).toEqual(["cdc-2016-50"]);
    expect(flags(90)).toEqual(["cdc-2016-50", "cdc-2016-90"]);
    expect(flags(90.1)).toEqual(["cdc-2016-50", "cdc-2016-90", "above-004-exclusion"]);
  });

  it("reaches a threshold exactly when a mix of factors sums to it", () => {
    // hydromorphone 2 mg x2 = 20, plus oxycodone 10 mg x2 = 30: 50 exactly
    expect(
      calculateMme([mg("hydromorphone", 2, 2), mg("oxycodone", 10, 2)]).flags.map((f) => f.code),
    ).toEqual(["cdc-2016-50"]);
    // fentanyl 37.5 mcg/hr = 90 exactly: the CDC flag, but not the 004 exclusion
    expect(calculateMme([patch(37.5)]).flags.map((f) => f.code)).toEqual(["cdc-2016-50", "cdc-2016-90"]);
  });

  it("adds the methadone caveat when methadone is listed", () => {
    const caveats = calculateMme([mg("methadone", 10, 2)]).caveats;
    expect(caveats.map((c) => c.code)).toEqual(["methadone-nonlinear"]);
    expect(caveats[0]!.message).toMatch(/nonlinear and dose-dependent/);
    expect(caveats[0]!.message).toMatch(/half-life is long and variable/);
  });

  it("adds the fentanyl caveat once, however many patches are listed", () => {
    expect(calculateMme([patch(25), patch(12)]).caveats.map((c) => c.code)).toEqual([
      "fentanyl-transdermal-only",
    ]);
  });

  it("adds no drug caveat for drugs that have none, but always the general notes", () => {
    const result = calculateMme([mg("morphine", 10, 2)]);
    expect(result.caveats).toEqual([]);
    expect(result.notes.join(" ")).toMatch(/not a dose for converting one opioid to another/);
  });

  it("refuses buprenorphine with the reason", () => {
    const attempt = () => calculateMme([mg("buprenorphine", 8, 1)]);
    expect(attempt).toThrow(
      /buprenorphine cannot be converted to MME: it has no MME conversion factor in CDC 2022 \(buprenorphine is a partial agonist/,
    );
    expect(attempt).toThrow(/naltrexone competes with it/);
    try {
      attempt();
    } catch (e) {
      expect((e as DomainError).code).toBe("unsupported_opioid");
    }
  });

  it("refuses fentanyl in mg, saying only patches in mcg/hr are covered", () => {
    expect(() => calculateMme([mg("fentanyl", 0.1, 4)])).toThrow(
      /fentanyl: only transdermal patches are covered, written as a rate in mcg\/hr/,
    );
  });

  it("refuses a rate in mcg/hr for a drug converted per mg", () => {
    expect(() => calculateMme([{ drug: "morphine", amount: 25, unit: "mcg/hr" }])).toThrow(
      'morphine: written in mcg/hr, but morphine is converted from mg per dose (e.g. "morphine 10mg x2"); ' +
        "mcg/hr is only for fentanyl patches",
    );
  });

  it("gives a total of zero and no flags for no opioids", () => {
    expect(calculateMme([])).toMatchObject({ lines: [], totalMmePerDay: 0, flags: [], caveats: [] });
  });
});

const convertible = OPIOIDS.filter((o) => o.factor !== null);
const arbRegimen: fc.Arbitrary<OpioidRegimen> = fc
  .record({
    opioid: fc.integer({ min: 0, max: convertible.length - 1 }).map((i) => convertible[i]!),
    thousandths: fc.integer({ min: 1, max: 500_000 }),
    dosesPerDay: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ opioid, thousandths, dosesPerDay }) =>
    opioid.id === "fentanyl"
      ? { drug: opioid.id, amount: thousandths / 1000, unit: "mcg/hr" as const }
      : { drug: opioid.id, amount: thousandths / 1000, unit: "mg" as const, dosesPerDay },
  );

describe("calculateMme, for any regimens", () => {
  it("makes the total exactly the sum of the lines", () => {
    fc.assert(
      fc.property(fc.array(arbRegimen, { maxLength: 8 }), (regimens) => {
        const result = calculateMme(regimens);
        const sum = result.lines.reduce((s, l) => s + micro(l.mmePerDay), 0);
        expect(micro(result.totalMmePerDay)).toBe(sum);
      }),
    );
  });

  it("never lowers the total when a dose goes up", () => {
    fc.assert(
      fc.property(
        fc.array(arbRegimen, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 1, max: 10_000 }),
        (regimens, pick, extraThousandths) => {
          const i = pick % regimens.length;
          const bigger = regimens.map((r, j) =>
            j === i ? { ...r, amount: (Math.round(r.amount * 1000) + extraThousandths) / 1000 } : r,
          );
          expect(calculateMme(bigger).totalMmePerDay).toBeGreaterThan(calculateMme(regimens).totalMmePerDay);
        },
      ),
    );
  });

  it("never lowers the total when an opioid is added", () => {
    fc.assert(
      fc.property(fc.array(arbRegimen, { maxLength: 6 }), arbRegimen, (regimens, extra) => {
        expect(calculateMme([...regimens, extra]).totalMmePerDay).toBeGreaterThan(
          calculateMme(regimens).totalMmePerDay,
        );
      }),
    );
  });

  it("does not depend on the order the regimens are listed in", () => {
    fc.assert(
      fc.property(fc.array(arbRegimen, { maxLength: 6 }), (regimens) => {
        expect(calculateMme([...regimens].reverse()).totalMmePerDay).toBe(
          calculateMme(regimens).totalMmePerDay,
        );
      }),
    );
  });
});

describe("MME as display text, said once for every screen", () => {
  it("carries each line's and the total's text, never rounded across a threshold (89.96 stays 89.96)", () => {
    // Hydromorphone 5.998 mg x 3 a day x 5.0 = 89.97; the text must not read 90.
    const r = calculateMme([{ drug: "hydromorphone", amount: 5.998, unit: "mg", dosesPerDay: 3 }]);
    expect(r.totalMmePerDay).toBeCloseTo(89.97, 6);
    expect(r.totalText).toBe("89.97");
    expect(r.lines[0]!.mmePerDayText).toBe("89.97");
    expect(calculateMme([{ drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }]).totalText).toBe(
      "45",
    );
  });
});
