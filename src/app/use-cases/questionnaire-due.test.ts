import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../domain/calendar-date.ts";
import { questionnaireDue } from "./questionnaire-due.ts";

const med = { state: "med" as const, decidedOn: "2027-02-01" as IsoDate };

describe("when the patient's outcome questionnaire is due", () => {
  it("is due from the plan's start while none is answered (the first-visit measure)", () => {
    expect(questionnaireDue(null, "2027-01-04", [], "2027-01-10")).toEqual({
      kind: "start",
      since: "2027-01-04",
    });
    // A plan starting later: due from today, not a day in the future.
    expect(questionnaireDue(null, "2027-01-20", [], "2027-01-10")).toEqual({
      kind: "start",
      since: "2027-01-10",
    });
    expect(questionnaireDue(null, "2027-01-04", ["2027-01-05"], "2027-01-10")).toBeNull();
  });

  it("is due again 28 days after the MED (004: at least 4 weeks), until one is answered on or after that day", () => {
    const before = ["2027-01-05"];
    expect(questionnaireDue(med, "2027-01-04", before, "2027-02-28")).toBeNull();
    expect(questionnaireDue(med, "2027-01-04", before, "2027-03-01")).toEqual({
      kind: "follow-up",
      since: "2027-03-01",
    });
    expect(questionnaireDue(med, "2027-01-04", [...before, "2027-02-28"], "2027-03-05")).not.toBeNull();
    expect(questionnaireDue(med, "2027-01-04", [...before, "2027-03-01"], "2027-03-05")).toBeNull();
  });

  it("is not due after the start while the best dose is still being found", () => {
    const titrating = { state: "titrating" as const, decidedOn: null };
    expect(questionnaireDue(titrating, "2027-01-04", ["2027-01-05"], "2027-06-01")).toBeNull();
  });
});
