import { describe, expect, it } from "vitest";
import type { ScoreResult } from "./instrument.ts";
import { GMH_T_TABLE, GPH_T_TABLE, recodeGlobal07r, scoreGlobal10 } from "./promis-global10.ts";
import { thrown } from "./thrown.testing.ts";

// Transcribed independently from the clinical reference, section 4 (Hays et al. 2009):
// raw, GPH T, GPH SE, GMH T, GMH SE.
const REFERENCE_TABLE: readonly (readonly [number, number, number, number, number])[] = [
  [4, 16.2, 4.8, 21.2, 4.6],
  [5, 19.9, 4.7, 25.1, 4.1],
  [6, 23.5, 4.5, 28.4, 3.9],
  [7, 26.7, 4.3, 31.3, 3.7],
  [8, 29.6, 4.2, 33.8, 3.7],
  [9, 32.4, 4.2, 36.3, 3.7],
  [10, 34.9, 4.1, 38.8, 3.6],
  [11, 37.4, 4.1, 41.1, 3.6],
  [12, 39.8, 4.1, 43.5, 3.6],
  [13, 42.3, 4.2, 45.8, 3.6],
  [14, 44.9, 4.3, 48.3, 3.7],
  [15, 47.7, 4.4, 50.8, 3.7],
  [16, 50.8, 4.6, 53.3, 3.7],
  [17, 54.1, 4.7, 56.0, 3.8],
  [18, 57.7, 4.9, 59.0, 3.9],
  [19, 61.9, 5.2, 62.5, 4.2],
  [20, 67.7, 5.9, 67.6, 5.3],
];

const byId = (scores: readonly ScoreResult[], id: string) => scores.find((s) => s.id === id)!;

/** Four 1-5 item values that sum to `raw` (4-20), filling from the first item. */
function split(raw: number): [number, number, number, number] {
  const values: [number, number, number, number] = [1, 1, 1, 1];
  let left = raw - 4;
  for (let i = 0; i < 4; i++) {
    const add = Math.min(4, left);
    values[i]! += add;
    left -= add;
  }
  return values;
}

// The 0-10 pain answer that recodes to a given 1-5 value.
const PAIN_FOR: Record<number, number> = { 5: 0, 4: 2, 3: 5, 2: 8, 1: 10 };

describe("PROMIS Global-10 v1.2", () => {
  describe.each(REFERENCE_TABLE)("raw %i", (raw, gphT, gphSe, gmhT, gmhSe) => {
    it("has the reference T-score and SE for Global Physical Health and Global Mental Health", () => {
      expect(GPH_T_TABLE.get(raw)).toEqual({ t: gphT, se: gphSe });
      expect(GMH_T_TABLE.get(raw)).toEqual({ t: gmhT, se: gmhSe });
    });

    it("scores answers summing to that raw score to the same T-scores through scoreGlobal10", () => {
      const [g03, g06, g07r, g08r] = split(raw);
      const [g02, g04, g05, g10r] = split(raw);
      const result = scoreGlobal10({
        Global03: g03,
        Global06: g06,
        Global07r: PAIN_FOR[g07r],
        Global08r: g08r,
        Global02: g02,
        Global04: g04,
        Global05: g05,
        Global10r: g10r,
      });
      expect(byId(result.scores, "gph-raw")).toMatchObject({
        status: "computed",
        value: raw,
        loinc: "71972-4",
      });
      expect(byId(result.scores, "gph-t")).toMatchObject({
        value: gphT,
        standardError: gphSe,
        loinc: "71971-6",
      });
      expect(byId(result.scores, "gmh-raw")).toMatchObject({
        status: "computed",
        value: raw,
        loinc: "71970-8",
      });
      expect(byId(result.scores, "gmh-t")).toMatchObject({
        value: gmhT,
        standardError: gmhSe,
        loinc: "71969-0",
      });
    });
  });

  it("has exactly the 17 rows 4 to 20 in each table", () => {
    expect([...GPH_T_TABLE.keys()]).toEqual(REFERENCE_TABLE.map((r) => r[0]));
    expect([...GMH_T_TABLE.keys()]).toEqual(REFERENCE_TABLE.map((r) => r[0]));
  });

  it.each([
    [0, 5],
    [1, 4],
    [3, 4],
    [4, 3],
    [6, 3],
    [7, 2],
    [9, 2],
    [10, 1],
  ])("recodes a pain rating of %i to %i", (pain, recoded) => {
    expect(recodeGlobal07r(pain)).toBe(recoded);
    const result = scoreGlobal10({ Global07r: pain });
    expect(result.items.find((i) => i.id === "Global07r")).toMatchObject({ answer: pain, scored: recoded });
  });

  it("uses the recoded pain value, not the 0-10 answer, in Global Physical Health", () => {
    const result = scoreGlobal10({ Global03: 3, Global06: 3, Global07r: 10, Global08r: 3 });
    expect(byId(result.scores, "gph-raw")).toMatchObject({ value: 10 });
  });

  it("gives the LOINC codes 61577-3 to 61586-4 to Global01 to Global10r in order", () => {
    const result = scoreGlobal10({});
    expect(result.items.map((i) => [i.id, i.loinc])).toEqual([
      ["Global01", "61577-3"],
      ["Global02", "61578-1"],
      ["Global03", "61579-9"],
      ["Global04", "61580-7"],
      ["Global05", "61581-5"],
      ["Global06", "61582-3"],
      ["Global07r", "61583-1"],
      ["Global08r", "61584-9"],
      ["Global09", "61585-6"],
      ["Global10r", "61586-4"],
    ]);
  });

  it("does not compute a summary with one of its items missing, and names the item", () => {
    const result = scoreGlobal10({
      Global03: 4,
      Global06: 4,
      Global07r: 2,
      Global02: 4,
      Global04: 4,
      Global05: 4,
    });
    expect(byId(result.scores, "gph-t")).toMatchObject({
      status: "not-computed",
      reason: "needs all 4 of Global03, Global06, Global07r, Global08r; missing: Global08r",
      missingItems: ["Global08r"],
    });
    expect(byId(result.scores, "gph-raw")).toMatchObject({
      status: "not-computed",
      missingItems: ["Global08r"],
    });
    expect(byId(result.scores, "gmh-t")).toMatchObject({
      status: "not-computed",
      missingItems: ["Global10r"],
    });
  });

  it("computes one summary while the other is missing an item", () => {
    const result = scoreGlobal10({ Global03: 4, Global06: 4, Global07r: 2, Global08r: 4, Global02: 4 });
    expect(byId(result.scores, "gph-t")).toMatchObject({ status: "computed", value: 50.8 }); // raw 4+4+4+4 = 16
    expect(byId(result.scores, "gmh-t")).toMatchObject({ status: "not-computed" });
  });

  it("reports Global01 and Global09 as items without letting them change either summary", () => {
    const base = {
      Global03: 3,
      Global06: 3,
      Global07r: 5,
      Global08r: 3,
      Global02: 3,
      Global04: 3,
      Global05: 3,
      Global10r: 3,
    };
    const low = scoreGlobal10({ ...base, Global01: 1, Global09: 1 });
    const high = scoreGlobal10({ ...base, Global01: 5, Global09: 5 });
    expect(low.scores).toEqual(high.scores);
    expect(high.items.find((i) => i.id === "Global09")).toMatchObject({ answer: 5, scored: 5 });
  });

  it("refuses a five-point item outside 1-5 and a pain rating outside 0-10", () => {
    expect(thrown(() => scoreGlobal10({ Global03: 0 })).message).toBe(
      "Global03: must be a whole number from 1 to 5 (got 0)",
    );
    expect(thrown(() => scoreGlobal10({ Global10r: 6 })).message).toBe(
      "Global10r: must be a whole number from 1 to 5 (got 6)",
    );
    expect(thrown(() => scoreGlobal10({ Global07r: 11 })).message).toBe(
      "Global07r: must be a whole number from 0 to 10 (got 11)",
    );
  });

  it("refuses the unrecoded item name Global07, listing the items of the form", () => {
    const error = thrown(() => scoreGlobal10({ Global07: 4 }));
    expect(error.details.field).toBe("Global07");
    expect(error.message).toContain("Global07r");
  });
});
