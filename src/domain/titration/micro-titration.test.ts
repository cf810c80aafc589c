import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar-date.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { assessTitration, type TitrationInput } from "./assess-titration.ts";
import type { ClinicianDecision } from "./decisions.ts";
import { buildDiary, levels, type DaySpec } from "./testing/diary-builder.ts";

const start = "2027-01-04" as IsoDate;
const micro = getProtocol("micro-titration");

function assess(specs: readonly DaySpec[], extra: Partial<TitrationInput> = {}) {
  return assessTitration({
    protocol: micro,
    start,
    baseline: [7, 7, 7],
    days: buildDiary(start, specs),
    detector: "literal",
    ...extra,
  });
}

/** 0.1-0.4 mg no change, 0.5 a little better, 0.6 weaker than 0.7, 0.7 best, then 0.8 and 1.0-like worse. */
const studyHormesis = levels(100, [7, 7, 7, 7, 6, 5, 3, 4, 8]);

describe("micro-titration: the window of effectiveness and the MED (004)", () => {
  it("climbs 0.1 mg every 2 days while nothing improves", () => {
    const a = assess(levels(100, [7, 7, 7]));
    expect(a.state).toBe("titrating");
    expect(a.next.totalUg).toBe(400);
    expect(a.next.doses.map((d) => d.ug)).toEqual([100, 100, 100, 100]);
    expect(a.protocolKey).toBe("micro-titration@2");
  });

  it("enters the window at the first level with less pain than baseline, giving the numbers", () => {
    const a = assess(levels(100, [7, 7, 7, 7, 6]));
    expect(a.state).toBe("window");
    expect(a.windowUg).toBe(500);
    expect(a.reasons[0]).toContain("0.5 mg (pain 6.0, 2 days) is below baseline pain 7.0");
  });

  it("finds the study's MED of 0.7 mg (0.6 weaker, higher doses worse) and flags hormesis", () => {
    const a = assess(studyHormesis);
    expect(a.state).toBe("med");
    expect(a.medUg).toBe(700);
    expect(a.next.totalUg).toBe(700);
    expect(a.hormesis).toBe(true);
    expect(a.reasons.join("\n")).toMatch(/0\.8 mg \(pain 4\.0, 2 days\) and 0\.9 mg \(pain 8\.0, 2 days\)/);
    expect(a.reasons.join("\n")).toMatch(/hormesis: 0\.9 mg \(pain 8\.0, 2 days\) was clearly worse/);
  });

  it("goes back to the dose before 2 increases without improvement, with no hormesis when they were only no better", () => {
    const a = assess(levels(100, [7, 7, 6, 5, 5, 5]));
    expect(a.medUg).toBe(400);
    expect(a.hormesis).toBe(false);
  });

  it("after the MED, a clinician's trial of 1.0 mg climbs by 0.1 mg a day, and pain worse than before LDN returns the patient to 0.7 mg", () => {
    const decision: ClinicianDecision = { date: addDays(start, 17), kind: "set-dose", totalUg: 1000 };
    const trial: DaySpec[] = [
      { ug: 800, pain: 4 },
      { ug: 900, pain: 5 },
      { ug: 1000, pain: 8 },
      { ug: 1000, pain: 8 },
    ];
    const a = assess([...studyHormesis, ...trial], { decisions: [decision] });
    expect(a.reasons.join("\n")).toMatch(/1 mg \(pain 8\.0\) is no better than the MED 0.7 mg/);
    expect(a.next.totalUg).toBe(700);
    expect(a.medUg).toBe(700);
  });

  it("stops a patient who reaches 6 mg with no improvement", () => {
    const a = assess(
      levels(
        100,
        Array.from({ length: 60 }, () => 7),
      ),
    );
    expect(a.state).toBe("stopped");
    expect(a.next).toMatchObject({ totalUg: 0, doses: [] });
    expect(a.reasons.at(-1)).toMatch(/no improvement by 6 mg.*004: stop if no improvement at 6\.0 mg/);
  });

  it("never goes above 6 mg: at the top of the range inside the window the best level becomes the MED", () => {
    const pains = Array.from({ length: 60 }, (_, i) => (i < 55 ? 7 : 5));
    const a = assess(levels(100, pains));
    expect(a.state).toBe("med");
    expect(a.medUg).toBe(5600);
  });
});

describe("micro-titration: side effects (004)", () => {
  it("holds at the dose that caused GI upset until it settles for 2 days, then resumes", () => {
    const gi: DaySpec[] = [...levels(100, [7, 7, 7, 7]), { ug: 500, pain: 7, sideEffects: ["gi-upset"] }];
    const held = assess(gi);
    expect(held.state).toBe("paused");
    expect(held.next.totalUg).toBe(500);
    const still = assess([
      ...gi,
      { ug: 500, pain: 7, sideEffects: ["abdominal-pain"] },
      { ug: 500, pain: 7 },
    ]);
    expect(still.state).toBe("paused");
    expect(still.next.totalUg).toBe(500);
    const settled = assess([...gi, { ug: 500, pain: 7 }, { ug: 500, pain: 7 }]);
    expect(settled.state).toBe("titrating");
    expect(settled.next.totalUg).toBe(600);
    expect(settled.reasons.join("\n")).toMatch(/GI upset settled for 2 days: titration resumes/);
  });

  it("holds a GI upset inside the window and resumes the search for the MED there", () => {
    const gi: DaySpec[] = [...levels(100, [7, 7, 7, 7, 6]), { ug: 600, pain: 5, sideEffects: ["gi-upset"] }];
    const held = assess(gi);
    expect(held.state).toBe("paused");
    const settled = assess([...gi, { ug: 600, pain: 5 }, { ug: 600, pain: 5 }]);
    expect(settled.state).toBe("window");
    expect(settled.next.totalUg).toBe(700);
  });

  it("moves the last dose to 4 PM for insomnia, earlier if it persists, then all in the morning", () => {
    const first = assess([...levels(100, [7, 7, 7]), { ug: 400, pain: 7, sideEffects: ["insomnia"] }]);
    expect(first.next.doses.map((d) => d.time)).toEqual(["08:00", "10:40", "13:20", "16:00"]);
    const persisting = assess([
      ...levels(100, [7, 7, 7]),
      { ug: 400, pain: 7, sideEffects: ["insomnia"] },
      { ug: 500, pain: 7, sideEffects: ["vivid-dreams"] },
      { ug: 500, pain: 7, sideEffects: ["vivid-dreams"] },
    ]);
    expect(persisting.next.doses.at(-1)!.time).toBe("14:00");
    const morning = assess([
      ...levels(100, [7, 7, 7]),
      { ug: 400, pain: 7, sideEffects: ["insomnia"] },
      { ug: 500, pain: 7, sideEffects: ["insomnia"] },
      { ug: 500, pain: 7, sideEffects: ["insomnia"] },
      { ug: 600, pain: 7, sideEffects: ["insomnia"] },
      { ug: 600, pain: 7, sideEffects: ["insomnia"] },
    ]);
    expect(morning.next.doses.map((d) => d.time)).toEqual(["08:00", "09:20", "10:40", "12:00"]);
    expect(morning.reasons.join("\n")).toMatch(/all of the day's LDN in the morning/);
  });

  it("returns to 1.3 mg when drowsiness appears at 1.4 mg (the study's example), with either detector", () => {
    const specs = [
      ...levels(100, [...Array.from({ length: 10 }, () => 7), 5, 4, 3]),
      { ug: 1400, pain: 3, sideEffects: ["drowsiness" as const] },
    ];
    for (const detector of ["literal", "robust"] as const) {
      const a = assess(specs, { detector });
      expect(a.state).toBe("med");
      expect(a.medUg).toBe(1300);
      expect(a.next.totalUg).toBe(1300);
      expect(a.reasons.join("\n")).toMatch(/drowsiness at 1.4 mg, above the best level/);
    }
  });

  it("returns to the MED when drowsiness comes at a dose above it later", () => {
    const a = assess([...studyHormesis, { ug: 800, pain: 3, sideEffects: ["drowsiness"] }], {
      decisions: [{ date: addDays(start, 17), kind: "set-dose", totalUg: 800 }],
    });
    expect(a.next.totalUg).toBe(700);
    expect(a.reasons.join("\n")).toMatch(/drowsiness at 0.8 mg, above the MED: back to 0.7 mg/);
  });

  it("holds for a clinician's review on agitation until a clinician resumes", () => {
    const specs: DaySpec[] = [
      ...levels(100, [7, 7]),
      { ug: 300, pain: 7, sideEffects: ["agitation"] },
      { ug: 300, pain: 7 },
      { ug: 300, pain: 7 },
    ];
    expect(assess(specs).state).toBe("paused");
    const resumed = assess(specs, { decisions: [{ date: addDays(start, 6), kind: "resume" }] });
    expect(resumed.state).toBe("titrating");
    expect(resumed.next.totalUg).toBe(400);
  });
});

describe("micro-titration: consolidation after the MED (004)", () => {
  const atMed = (days: number, pain = 3): DaySpec[] =>
    Array.from({ length: days }, () => ({ ug: 700, pain }));

  it("tries three, two and then one dose a day when each works as well, ending in maintenance", () => {
    const a = assess([...studyHormesis, ...atMed(7 * 4)]);
    expect(a.state).toBe("maintenance");
    expect(a.next.doses).toEqual([{ time: "08:00", ug: 700 }]);
  });

  it("goes back to the previous number of doses when fewer work worse", () => {
    const a = assess([...studyHormesis, ...atMed(7), ...atMed(7, 6)]);
    expect(a.state).toBe("maintenance");
    expect(a.next.doses).toHaveLength(4);
    expect(a.reasons.join("\n")).toMatch(/back to 4 dose\(s\) a day/);
  });
});

describe("missing days, late entries, replay and overrides", () => {
  it("treats missing days as normal: the level waits for its 2 recorded days", () => {
    const days = buildDiary(start, levels(100, [7, 7])).filter((_, i) => i !== 3);
    const a = assessTitration({
      protocol: micro,
      start,
      baseline: [7],
      days,
      detector: "literal",
      asOf: addDays(start, 5),
    });
    expect(a.next.totalUg).toBe(200);
    expect(a.reasons.at(-1)).toMatch(/1 of 2 days recorded at 0.2 mg/);
  });

  it("does not count a day with missed doses toward the level", () => {
    const a = assess([
      { ug: 100, pain: 7 },
      { ug: 0, pain: 7 },
    ]);
    expect(a.next.totalUg).toBe(100);
    expect(a.reasons.at(-1)).toMatch(/no dose taken \(0\.1 mg due\): a day without doses does not count/);
  });

  it("gives the same answer whatever order the entries arrive in", () => {
    const days = buildDiary(start, studyHormesis);
    const shuffled = [...days].reverse();
    const a = assessTitration({ protocol: micro, start, baseline: [7], days, detector: "robust" });
    const b = assessTitration({ protocol: micro, start, baseline: [7], days: shuffled, detector: "robust" });
    expect(b).toEqual(a);
  });

  it("replays: assessing as of any date equals assessing the diary cut at that date", () => {
    const days = buildDiary(start, studyHormesis);
    const decisions: ClinicianDecision[] = [
      { date: addDays(start, 9), kind: "pause" },
      { date: addDays(start, 10), kind: "resume" },
    ];
    for (let i = 0; i < days.length; i++) {
      const asOf = days[i]!.date;
      const full = assessTitration({
        protocol: micro,
        start,
        baseline: [7],
        days,
        decisions,
        detector: "literal",
        asOf,
      });
      const cut = assessTitration({
        protocol: micro,
        start,
        baseline: [7],
        days: days.slice(0, i + 1),
        decisions: decisions.filter((d) => d.date <= asOf),
        detector: "literal",
      });
      expect(full).toEqual(cut);
    }
  });

  it("respects a clinician's stop and a clinician's MED", () => {
    const stopped = assess(levels(100, [7, 7]), {
      decisions: [{ date: addDays(start, 3), kind: "stop", note: "patient's wish" }],
    });
    expect(stopped.state).toBe("stopped");
    expect(stopped.reasons.join("\n")).toMatch(/clinician stop \(patient's wish\)/);
    const med = assess(levels(100, [7, 7]), {
      decisions: [{ date: addDays(start, 3), kind: "set-med", totalUg: 200 }],
    });
    expect(med).toMatchObject({ state: "med", medUg: 200 });
  });

  it("holds the dose while a clinician's pause lasts, and climbs again after the resume", () => {
    const specs = levels(100, [7, 7, 7, 7]);
    const paused = assess(specs, { decisions: [{ date: addDays(start, 3), kind: "pause", note: "travel" }] });
    expect(paused.state).toBe("paused");
    expect(paused.next.totalUg).toBe(200);
    expect(paused.reasons.join("\n")).toMatch(/clinician pause \(travel\)/);
    const resumed = assess(specs, {
      decisions: [
        { date: addDays(start, 3), kind: "pause" },
        { date: addDays(start, 5), kind: "resume" },
      ],
    });
    expect(resumed.state).toBe("titrating");
  });

  it("follows a clinician's consolidation to one dose a day after the MED", () => {
    const a = assess(studyHormesis, {
      decisions: [{ date: addDays(start, 17), kind: "consolidate", doseCount: 1 }],
    });
    expect(a.state).toBe("maintenance");
    expect(a.next.doses).toEqual([{ time: "08:00", ug: 700 }]);
  });

  it("climbs to a clinician's higher dose at the protocol's pace: 0.1 mg, then 2 days at each level (004)", () => {
    const decisions: ClinicianDecision[] = [{ date: addDays(start, 1), kind: "set-dose", totalUg: 1000 }];
    const a = assess(levels(100, [7]), { decisions });
    expect(a.next.totalUg).toBe(200);
    expect(a.reasons.join("\n")).toMatch(/reached by 0\.1 mg every 2 days \(micro-titration's pace\)/);
    // One day at 0.2 mg: still 0.2 mg tomorrow, not 0.3 mg (the issue saw 0.1 mg a day).
    const oneDay = assess([...levels(100, [7]), { ug: 200, pain: 7 }], { decisions });
    expect(oneDay.next.totalUg).toBe(200);
    const twoDays = assess([...levels(100, [7]), ...levels(200, [7])], { decisions });
    expect(twoDays.next.totalUg).toBe(300);
  });
});
