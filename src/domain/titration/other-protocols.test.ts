import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar-date.ts";
import { micrograms } from "../dose.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import { SIDE_EFFECTS } from "../diary/side-effects.ts";
import { PROTOCOLS, getProtocol } from "../protocols/catalogue.ts";
import { limitViolations } from "../protocols/limits.ts";
import { resolveSettings } from "../protocols/settings.ts";
import { assessTitration } from "./assess-titration.ts";
import { parseDecision } from "./decisions.ts";
import { chooseDetector } from "./detectors/choose-detector.ts";
import { TitrationMachine } from "./titration-machine.ts";
import { buildDiary, type DaySpec } from "./testing/diary-builder.ts";

const start = "2027-01-04" as IsoDate;
const hold = (ug: number, days: number, pain: number): DaySpec[] =>
  Array.from({ length: days }, () => ({ ug, pain }));

function assessOnce(
  protocolId: string,
  specs: readonly DaySpec[],
  baseline = [7, 7, 7],
  detector: "literal" | "robust" = "robust",
) {
  const protocol = getProtocol(protocolId);
  const times = resolveSettings(protocol).times;
  const granularity = protocol.regimen(resolveSettings(protocol)).granularityUg;
  return assessTitration({
    protocol,
    start,
    baseline,
    days: buildDiary(start, specs, times, granularity),
    detector,
  });
}

describe("fixed standard dose (003)", () => {
  it("keeps 4.5 mg nightly as maintenance when it works after 28 days", () => {
    const a = assessOnce("fixed-standard", hold(4500, 28, 4));
    expect(a).toMatchObject({ state: "maintenance", medUg: 4500 });
    expect(a.next.doses).toEqual([{ time: "21:00", ug: 4500 }]);
    expect(a.reasons.join("\n")).toMatch(/003: judge after 2-4 weeks/);
  });

  it("stops after 28 days without response and suggests re-titration (004)", () => {
    const a = assessOnce("fixed-standard", hold(4500, 28, 7));
    expect(a.state).toBe("stopped");
    expect(a.reasons.join("\n")).toMatch(/re-titrated/);
  });

  it("reduces to 3 mg for side effects on 2 days in a row (003)", () => {
    const a = assessOnce("fixed-standard", [
      { ug: 4500, pain: 6, sideEffects: ["headache"] },
      { ug: 4500, pain: 6, sideEffects: ["dizziness"] },
    ]);
    expect(a.next.totalUg).toBe(3000);
    expect(a.reasons.join("\n")).toMatch(/reduce to 3 mg for tolerability/);
  });

  it("counts the 2 days afresh at the lower dose, then holds for a clinician at the plan's floor", () => {
    const effects = (ug: number): DaySpec[] => [
      { ug, pain: 6, sideEffects: ["headache"] },
      { ug, pain: 6, sideEffects: ["headache"] },
    ];
    const one = assessOnce("fixed-standard", [
      ...effects(4500),
      { ug: 3000, pain: 6, sideEffects: ["dizziness"] },
    ]);
    expect(one.next.totalUg).toBe(3000);
    const two = assessOnce("fixed-standard", [...effects(4500), ...effects(3000)]);
    expect(two.next.totalUg).toBe(1500);
    expect(two.reasons.join("\n")).toMatch(/at 3 mg: reduce to 1\.5 mg/);
    const floor = assessOnce("fixed-standard", [...effects(4500), ...effects(3000), ...effects(1500)]);
    expect(floor.state).toBe("paused");
    expect(floor.next.totalUg).toBe(1500);
    expect(floor.reasons.at(-1)).toMatch(/side effects persist at the lowest dose of the plan, 1\.5 mg/);
  });

  it("is not paused by GI upset (the hold is a titration rule): the dose is simply kept", () => {
    const a = assessOnce("fixed-standard", [{ ug: 4500, pain: 6, sideEffects: ["gi-upset"] }]);
    expect(a.state).toBe("titrating");
    expect(a.next.totalUg).toBe(4500);
  });
});

describe("sleep problems on a once-nightly protocol (004)", () => {
  it("moves the 21:00 dose to 16:00, then 14:00, then the morning", () => {
    const night = (n: number): DaySpec[] =>
      Array.from({ length: n }, () => ({ ug: 1500, pain: 7, sideEffects: ["insomnia"] }));
    expect(assessOnce("conventional-titration", night(1)).next.doses).toEqual([{ time: "16:00", ug: 1500 }]);
    expect(assessOnce("conventional-titration", night(3)).next.doses).toEqual([{ time: "14:00", ug: 1500 }]);
    const morning = assessOnce("conventional-titration", night(5));
    expect(morning.next.doses).toEqual([{ time: "08:00", ug: 1500 }]);
    expect(morning.reasons.join("\n")).toMatch(/all of the day's LDN in the morning/);
    expect(morning.reasons.join("\n")).not.toMatch(/for a clinician's review/);
    const still = assessOnce("conventional-titration", night(7));
    expect(still.reasons.join("\n")).toMatch(
      /sleep problems persist with all doses in the morning: for a clinician's review/,
    );
  });
});

describe("conventional titration (001) and 0.75 mg steps (Bruun-Plesner 2020)", () => {
  it("steps from 1.5 to 3 mg after the 14-day interval", () => {
    expect(assessOnce("conventional-titration", hold(1500, 13, 7)).next.totalUg).toBe(1500);
    expect(assessOnce("conventional-titration", hold(1500, 14, 7)).next.totalUg).toBe(3000);
  });

  it("settles on the best level when 4.5 mg is reached inside the window", () => {
    const a = assessOnce("conventional-titration", [
      ...hold(1500, 14, 7),
      ...hold(3000, 14, 4),
      ...hold(4500, 14, 5),
    ]);
    expect(a).toMatchObject({ state: "med", medUg: 3000 });
  });

  it("climbs 0.75 mg at a time", () => {
    expect(assessOnce("dose-response-0.75", hold(750, 14, 7)).next.totalUg).toBe(1500);
  });
});

describe("fixed dose, then micro-adjust (004, Conclusions)", () => {
  it("after the fixed 3 mg works, probes 0.1 mg above it", () => {
    const a = assessOnce("fixed-then-micro-adjust", hold(3000, 28, 4));
    expect(a.state).toBe("window");
    expect(a.next.totalUg).toBe(3100);
  });

  it("when doses above bring nothing, probes below, and settles where less is as good", () => {
    const specs = [
      ...hold(3000, 28, 4),
      // 10 levels of 2 days: the statistical detector's patience is 20 days past the best.
      ...[3100, 3200, 3300, 3400, 3500, 3600, 3700, 3800, 3900, 4000].flatMap((ug) => hold(ug, 2, 4)),
    ];
    const a = assessOnce("fixed-then-micro-adjust", specs);
    expect(a.reasons.join("\n")).toMatch(/micro-adjusting below it/);
    expect(a.next.totalUg).toBe(2900);
  });

  it("stops when the fixed dose does not work", () => {
    expect(assessOnce("fixed-then-micro-adjust", hold(3000, 28, 7)).state).toBe("stopped");
  });

  it("settles a MED above the fixed dose when a step up was better and 2 more brought nothing (literal)", () => {
    const specs = [...hold(3000, 28, 4), ...hold(3100, 2, 3), ...hold(3200, 2, 4), ...hold(3300, 2, 4)];
    const a = assessOnce("fixed-then-micro-adjust", specs, [7, 7, 7], "literal");
    expect(a).toMatchObject({ state: "med", medUg: 3100 });
    expect(a.next.totalUg).toBe(3100);
  });

  it("climbs to each probe by at most 0.1 mg a day", () => {
    const a = assessOnce("fixed-then-micro-adjust", hold(3000, 28, 4));
    expect(a.next.totalUg - 3000).toBeLessThanOrEqual(100);
  });
});

describe("ultra-low-dose naltrexone with opioids (000)", () => {
  it("continues 1 mcg twice daily as maintenance, never stopping on its own", () => {
    const a = assessOnce("uldn-with-opioids", hold(2, 60, 7));
    expect(a.state).toBe("maintenance");
    expect(a.next.doses).toEqual([
      { time: "08:00", ug: 1 },
      { time: "20:00", ug: 1 },
    ]);
    expect(a.reasons.join("\n")).toMatch(/OIH recurs if stopped/);
  });
});

describe("ultra-low-dose naltrexone below 1 mg (002)", () => {
  it("continues 500 mcg a day as maintenance alongside opioids, in micrograms", () => {
    const a = assessOnce("uldn-sub-1mg", hold(500, 40, 7));
    expect(a.state).toBe("maintenance");
    expect(a.next.doses).toEqual([{ time: "21:00", ug: 500 }]);
    expect(a.reasons.join("\n")).toMatch(/ULDN 500 mcg a day/);
  });

  it("refuses a clinician's dose of 1 mg or more (002: less than 1 mg)", () => {
    const protocol = getProtocol("uldn-sub-1mg");
    expect(() =>
      parseDecision({ date: "2027-02-01", kind: "set-dose", totalUg: 1000 }, protocol, "decisions[0]"),
    ).toThrow(/1,?000 mcg a day is above uldn-sub-1mg's 999 mcg limit/);
  });
});

describe("limits", () => {
  const daySpec = fc.record({
    present: fc.boolean(),
    taken: fc.constantFrom("as-told", "missed-one", "none"),
    pain: fc.integer({ min: 0, max: 10 }),
    effects: fc.subarray([...SIDE_EFFECTS], { maxLength: 2 }),
  });

  for (const protocol of PROTOCOLS) {
    it(`${protocol.id}: tomorrow's doses never break the protocol's limits, whatever the diary says`, () => {
      fc.assert(
        fc.property(
          fc.array(daySpec, { maxLength: 150 }),
          fc.constantFrom("literal", "robust"),
          (specs, name) => {
            const settings = resolveSettings(protocol);
            const machine = new TitrationMachine({
              protocol,
              settings,
              start,
              detector: chooseDetector(name),
              baselinePain: [7],
            });
            let previous: number | undefined;
            specs.forEach((spec, i) => {
              const next = machine.next();
              const violations = limitViolations(protocol, next, previous);
              expect(violations).toEqual([]);
              const doses =
                spec.taken === "none" ? [] : spec.taken === "missed-one" ? next.doses.slice(1) : next.doses;
              const entry: DiaryDay = {
                date: addDays(start, i),
                doses: doses.map((d) => ({ time: d.time, ug: micrograms(d.ug) })),
                pain: spec.pain,
                sideEffects: spec.effects,
              };
              machine.readDay(spec.present ? entry : undefined);
              const taken = doses.reduce((a, d) => a + d.ug, 0);
              if (spec.present && taken > 0) previous = taken;
            });
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
