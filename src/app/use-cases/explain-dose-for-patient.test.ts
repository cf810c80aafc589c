import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../domain/calendar-date.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { assessTitration } from "../../domain/titration/assess-titration.ts";
import { buildDiary, levels } from "../../domain/titration/testing/diary-builder.ts";
import { explainDoseForPatient, type ClinicianView } from "./explain-dose-for-patient.ts";

const start = "2027-01-04" as IsoDate;
const assess = (pains: number[]) =>
  assessTitration({
    protocol: getProtocol("micro-titration"),
    start,
    baseline: [7, 7, 7],
    days: buildDiary(start, levels(100, pains)),
    detector: "literal",
  });
const plain: ClinicianView = { started: true, startDate: start, waiting: false, decision: null };

describe("why the dose is what it is, for the patient", () => {
  it("says a titration step goes up as planned, and that it follows the clinician's plan", () => {
    const a = assess([7]);
    expect(a.state).toBe("titrating");
    expect(explainDoseForPatient(a, plain, "mg")).toEqual({
      why: "Your dose goes up a small step, to 0.2 mg a day, as planned: it rises slowly until your pain eases.",
      confirmed: "This follows the plan your clinician set.",
    });
  });

  it("says the best dose was found, and whether the clinician confirmed it or has not checked it yet", () => {
    const a = assess([7, 7, 7, 7, 6, 5, 3, 4, 8]);
    expect(a.state).toBe("med");
    const accepted = explainDoseForPatient(
      a,
      { ...plain, decision: { decision: "accept", insteadText: null } },
      "mg",
    );
    expect(accepted.why).toBe("Your best dose has been found: 0.7 mg a day. It stays the same from now on.");
    expect(accepted.confirmed).toBe("Your clinician has confirmed this.");
    expect(explainDoseForPatient(a, { ...plain, waiting: true }, "mg").confirmed).toMatch(
      /^Your clinician has not checked this yet/,
    );
  });

  it("says what an override set, and when the plan starts before it has", () => {
    const a = assess([7, 7, 6]);
    expect(a.state).toBe("window");
    expect(explainDoseForPatient(a, plain, "mg").why).toMatch(/^Your pain has eased/);
    expect(
      explainDoseForPatient(
        a,
        { ...plain, decision: { decision: "override", insteadText: "set the daily dose to 0.7 mg" } },
        "mg",
      ).confirmed,
    ).toBe("Your clinician decided to set the daily dose to 0.7 mg.");
    expect(explainDoseForPatient(a, { ...plain, started: false }, "mg").confirmed).toBe(
      "Your plan starts on Mon 4 Jan.",
    );
  });

  it("uses no engine words or citations", () => {
    for (const pains of [[7], [7, 7, 6], [7, 7, 7, 7, 6, 5, 3, 4, 8]]) {
      const { why, confirmed } = explainDoseForPatient(assess(pains), plain, "mg");
      expect(`${why} ${confirmed}`).not.toMatch(/MED|window|hormesis|titrat|004|\(/);
    }
  });
});
