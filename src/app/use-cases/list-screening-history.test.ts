import { describe, expect, it } from "vitest";
import type { ScreeningChange } from "../ports/patient-repository.ts";
import { describeScreeningChange, inChainOrder } from "./list-screening-history.ts";

const screening = (pregnancy: string, eligibility: string) => ({
  answers: { pregnancy },
  result: { eligibility },
});
const change = (at: string, from: string, to: string): ScreeningChange => ({
  before: screening(from, from === "yes" ? "not-eligible" : "eligible"),
  after: screening(to, to === "yes" ? "not-eligible" : "eligible"),
  by: "staff-1",
  byName: "Dr Lee",
  at,
});

describe("the screening history", () => {
  it("keeps rescreens saved in the same instant in the order they chained, whatever order they came in", () => {
    const first = change("2027-01-04T10:00:00.000Z", "unknown", "no");
    const second = change("2027-01-04T10:00:00.000Z", "no", "yes");
    const later = change("2027-01-05T09:00:00.000Z", "yes", "no");
    expect(inChainOrder([second, first, later])).toEqual([first, second, later]);
    expect(inChainOrder([first, second, later])).toEqual([first, second, later]);
  });

  it("says each answer that changed in the form's words, and the eligibility before and after", () => {
    const entry = describeScreeningChange(change("2027-01-04T10:00:00.000Z", "no", "yes"));
    expect(entry.changes).toEqual(["Pregnant: no → yes"]);
    expect([entry.eligibilityBefore, entry.eligibilityAfter]).toEqual(["eligible", "not-eligible"]);
  });
});
