import { describe, expect, it } from "vitest";
import { diaryChanges } from "./diary-changes.ts";

describe("diaryChanges", () => {
  it("names each field a correction changed, with its value before and after, in reading order", () => {
    const before = { date: "2027-01-05", doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] };
    const after = {
      date: "2027-01-05",
      doses: [],
      pain: 4,
      mood: 7,
      sideEffects: ["headache"],
    };
    expect(diaryChanges(before, after)).toEqual([
      { field: "doses", from: [{ time: "08:00", ug: 100 }], to: [] },
      { field: "pain", from: 6, to: 4 },
      { field: "mood", from: null, to: 7 },
      { field: "sideEffects", from: [], to: ["headache"] },
    ]);
  });

  it("finds nothing changed between equal versions, and says when a value was taken away", () => {
    const day = { doses: [], pain: 5, sideEffects: [], note: "slept badly" };
    expect(diaryChanges(day, { ...day })).toEqual([]);
    expect(diaryChanges(day, { doses: [], pain: 5, sideEffects: [] })).toEqual([
      { field: "note", from: "slept badly", to: null },
    ]);
  });

  it("reads only a check-in's own fields, never an inherited one", () => {
    const hostile = JSON.parse('{"pain": 5, "__proto__": {"note": "x"}}') as Record<string, unknown>;
    expect(diaryChanges({ pain: 5 }, hostile)).toEqual([]);
  });
});
