import { describe, expect, it } from "vitest";
import { isResponder, summariseCourses, type PatientCourse } from "./course-summary.ts";

const course = (over: Partial<PatientCourse>): PatientCourse => ({
  daysToMed: null,
  droppedOut: false,
  painBefore: null,
  painAfter: null,
  ...over,
});

describe("isResponder", () => {
  it("counts a fall of exactly 30% as a response and just under it as none", () => {
    expect(isResponder(6, 4.2)).toBe(true);
    expect(isResponder(6, 4.21)).toBe(false);
    expect(isResponder(10, 7)).toBe(true);
    expect(isResponder(5, 6)).toBe(false);
  });
});

describe("summariseCourses", () => {
  it("counts responders over patients with pain above 0 before and a score after", () => {
    const s = summariseCourses([
      course({ painBefore: 8, painAfter: 4 }),
      course({ painBefore: 6, painAfter: 5 }),
      course({ painBefore: 0, painAfter: 0 }),
      course({ painBefore: 7, painAfter: null }),
    ]);
    expect(s.responders).toEqual({ n: 1, of: 2, percent: 50 });
    expect(s.patients).toBe(4);
  });

  it("gives the median, shortest and longest time to MED over patients with one", () => {
    const s = summariseCourses([
      course({ daysToMed: 30 }),
      course({ daysToMed: 10 }),
      course({ daysToMed: 21 }),
      course({ daysToMed: 14 }),
      course({}),
    ]);
    expect(s.daysToMed).toEqual({ n: 4, median: 17.5, min: 10, max: 30 });
  });

  it("counts drop-outs over every patient, and says null where nothing can be counted", () => {
    const s = summariseCourses([course({ droppedOut: true }), course({}), course({}), course({})]);
    expect(s.dropOuts).toEqual({ n: 1, of: 4, percent: 25 });
    expect(s.daysToMed).toBeNull();
    expect(s.responders).toEqual({ n: 0, of: 0, percent: null });
  });
});
