import { describe, expect, it } from "vitest";
import type { ScoreResult } from "./instrument.ts";
import { PF_4A_T_TABLE, scorePhysicalFunction } from "./promis-physical-function.ts";
import { thrown } from "./thrown.testing.ts";

// Transcribed independently from the clinical reference, section 4 (its secondary copy of
// PF 4a v2.0): raw 4..20 in order.
const REFERENCE_T = [
  22.5, 26.6, 28.9, 30.5, 31.9, 33.2, 34.4, 35.6, 36.7, 37.9, 39.2, 40.5, 41.9, 43.5, 45.5, 48.3, 57.0,
];

const byId = (scores: readonly ScoreResult[], id: string) => scores.find((s) => s.id === id)!;

function answersSumming(raw: number) {
  const values = [1, 1, 1, 1];
  let left = raw - 4;
  for (let i = 0; i < 4; i++) {
    const add = Math.min(4, left);
    values[i]! += add;
    left -= add;
  }
  return { PFA11: values[0], PFA21: values[1], PFA23: values[2], PFA53: values[3] };
}

describe("PROMIS Physical Function 4a", () => {
  it.each(REFERENCE_T.map((t, i) => [i + 4, t] as const))("maps raw %i to T %d", (raw, t) => {
    expect(PF_4A_T_TABLE.get(raw)).toBe(t);
    const result = scorePhysicalFunction("4a", answersSumming(raw));
    expect(byId(result.scores, "pf-raw")).toMatchObject({ status: "computed", value: raw });
    expect(byId(result.scores, "pf-t")).toMatchObject({ status: "computed", value: t, standardError: null });
  });

  it("has exactly the 17 rows 4 to 20", () => {
    expect([...PF_4A_T_TABLE.keys()]).toEqual(REFERENCE_T.map((_t, i) => i + 4));
  });

  it("carries the form's LOINC code and says the table was checked against secondary copies only", () => {
    const result = scorePhysicalFunction("4a", answersSumming(12));
    expect(result.loinc).toBe("76700-4");
    expect(result.notes.join(" ")).toContain("secondary copies only");
    expect(byId(result.scores, "pf-t").source).toContain(
      "HealthMeasures manual itself could not be consulted",
    );
  });

  it("does not score a form with a missing item, rather than prorating", () => {
    const result = scorePhysicalFunction("4a", { PFA11: 5, PFA21: 5, PFA23: 5 });
    expect(byId(result.scores, "pf-t")).toMatchObject({
      status: "not-computed",
      reason: "needs all 4 items; missing: PFA53",
      missingItems: ["PFA53"],
    });
  });

  it("refuses an answer of 0 or 6, naming the item", () => {
    expect(thrown(() => scorePhysicalFunction("4a", { PFA21: 0 })).message).toBe(
      "PFA21: must be a whole number from 1 to 5 (got 0)",
    );
    expect(thrown(() => scorePhysicalFunction("4a", { PFA53: 6 })).details).toEqual({
      field: "PFA53",
      value: 6,
    });
  });

  it("refuses a known form whose table is not cited in code, and an unknown form", () => {
    expect(thrown(() => scorePhysicalFunction("6b", {})).message).toBe(
      'form: no raw-to-T table for this form is cited in code; scored forms: 4a (got "6b")',
    );
    expect(thrown(() => scorePhysicalFunction("5z", {})).message).toContain("unknown form");
  });
});
