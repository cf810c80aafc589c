import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../domain/calendar-date.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { assessTitration } from "../../domain/titration/assess-titration.ts";
import { buildDiary, levels } from "../../domain/titration/testing/diary-builder.ts";
import { stateDetail, stateText } from "./summarise-patient.ts";

const start = "2027-01-04" as IsoDate;
const assess = (pains: number[]) =>
  assessTitration({
    protocol: getProtocol("micro-titration"),
    start,
    baseline: [7, 7, 7],
    days: buildDiary(start, levels(100, pains)),
    detector: "literal",
  });

describe("the state in words", () => {
  it("gives what follows the state's label without repeating it", () => {
    const inWindow = assess([7, 7, 6]);
    expect(inWindow.state).toBe("window");
    expect(stateDetail(inWindow)).toBe("from 0.3 mg");
    expect(stateText(inWindow)).toBe("in the window from 0.3 mg");
    expect(stateDetail(assess([7]))).toBe("next 0.2 mg a day");
    expect(stateText(assess([7]))).toBe("titrating, next 0.2 mg a day");
  });

  it("names the MED once", () => {
    const med = assess([7, 7, 7, 7, 6, 5, 3, 4, 8]);
    expect(stateText(med)).toBe("MED set at 0.7 mg");
  });
});
