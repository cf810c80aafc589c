/**
 * The robust detector's rules by protocol, on hand-made diaries: 0.1 mg micro-steps
 * smoothed; 14-day step levels judged on their own means in standard errors of the
 * patient's own scatter; fixed doses judged against that scatter, with 003's 2-week look.
 */
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../calendar-date.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { resolveSettings } from "../protocols/settings.ts";
import { assessTitration } from "./assess-titration.ts";
import { againstBaseline } from "./detectors/describe.ts";
import { windowZFor } from "./detectors/robust.ts";
import type { DetectorName } from "./detectors/detector.ts";
import { buildDiary, levels, type DaySpec } from "./testing/diary-builder.ts";
import { EARLY_LOOK_DAYS } from "./thresholds.ts";

const start = "2027-01-04" as IsoDate;

function assess(
  protocolId: string,
  specs: readonly DaySpec[],
  detector: DetectorName = "robust",
  baseline: readonly number[] = [7, 7, 7],
) {
  const protocol = getProtocol(protocolId);
  const settings = resolveSettings(protocol);
  const granularity = protocol.regimen(settings).granularityUg;
  return assessTitration({
    protocol,
    start,
    baseline,
    days: buildDiary(start, specs, settings.times, granularity),
    detector,
  });
}

/** `days` days at `ug` whose pains cycle through `pains` (a patient whose ratings wander). */
const wandering = (ug: number, days: number, pains: readonly number[]): DaySpec[] =>
  Array.from({ length: days }, (_, i) => ({ ug, pain: pains[i % pains.length]! }));

describe("reasons read without sign arithmetic", () => {
  it("says above baseline (worse) or below baseline (better), never a negative drop", () => {
    expect(againstBaseline(7.5, 6.7)).toBe("0.8 above baseline 6.7 (worse)");
    expect(againstBaseline(5.5, 6.7)).toBe("1.2 below baseline 6.7 (better)");
    expect(againstBaseline(6.7, 6.7)).toBe("level with baseline 6.7");
  });

  it("writes the micro-titration window check in points better or worse, with its standard errors", () => {
    const a = assess("micro-titration", levels(100, [8]), "robust", [7, 6, 7]);
    const text = a.reasons.join("\n");
    expect(text).toMatch(
      /pain 8\.0 over 2 days against 6\.7 over 3, 1\.3 points worse, [\d.]+ standard errors/,
    );
    expect(text).not.toMatch(/ -\d/);
  });
});

describe("robust on 0.1 mg micro-steps: a change-point against the patient's own noise", () => {
  it("does not open the window on a one-point dip that literal takes as improvement", () => {
    const specs = levels(100, [7, 7, 6]);
    expect(assess("micro-titration", specs, "literal").state).toBe("window");
    const robust = assess("micro-titration", specs);
    expect(robust.state).toBe("titrating");
    expect(robust.reasons.at(-1)).toMatch(
      /the window needs 3\.7 standard errors \(5\.7 on fewer than 4 days\) and 1 point/,
    );
    // A pain-only diary: the clinician is told why a window may take longer, and what would help.
    expect(robust.reasons.at(-1)).toMatch(/pain is read alone, as no mood, energy or clarity was rated/);
  });

  it("waits for the next level before opening a window on one level's 2 good days, then opens it there", () => {
    // Pain wandering 7, 5 for six levels, then 2 and 2 at 0.7 mg: 4.7 standard errors, over the
    // 3.7 of a pain-only diary but short of the 5.7 asked of 2 days (flare-free days do this).
    const flat = [1, 2, 3, 4, 5, 6].flatMap((l) => wandering(100 * l, 2, [7, 5]));
    const good = wandering(700, 2, [2]);
    const waiting = assess("micro-titration", [...flat, ...good], "robust", [7, 5, 7]);
    expect(waiting.state).toBe("titrating");
    expect(waiting.reasons.at(-1)).toMatch(/4\.7 standard errors .* \(5\.7 on fewer than 4 days\)/);
    const confirmed = assess(
      "micro-titration",
      [...flat, ...good, ...wandering(800, 2, [3, 2])],
      "robust",
      [7, 5, 7],
    );
    expect(confirmed).toMatchObject({ state: "window", windowUg: 700 });
  });

  it("opens it where a steady fall begins, once the fall is clear of the noise", () => {
    const a = assess("micro-titration", levels(100, [7, 7, 7, 7, 5, 5, 5]));
    expect(a.state).toBe("window");
    expect(a.windowUg).toBe(500);
  });
});

describe("robust on step protocols: the same statistics, a threshold for their few levels", () => {
  // Ratings that wander by a point around the level's value: SD about 0.8 a day.
  const level = (ug: number, centre: number) => wandering(ug, 14, [centre - 1, centre, centre + 1]);

  it("scales the window threshold to the protocol's levels: 3 levels of conventional titration need less than 60", () => {
    expect(windowZFor(4, 60)).toBe(4);
    expect(windowZFor(4, 3)).toBeCloseTo(2.34, 2);
  });

  it("enters the window at 1.5 mg when the 14-day level is clearly below baseline", () => {
    const a = assess("conventional-titration", level(1500, 5), "robust", [7, 6, 8, 7]);
    expect(a.state).toBe("window");
    expect(a.windowUg).toBe(1500);
    expect(a.reasons.join("\n")).toMatch(/pain 4\.9 over 14 days against 7\.0 over 4, 2\.1 points better/);
  });

  it("keeps titrating when a 14-day drop is within the noise, where literal opens the window", () => {
    // 0.3 points better than baseline, with ratings wandering by a point.
    const specs = wandering(1500, 14, [6, 7, 8, 6, 8, 7, 6]);
    const baseline = [7, 8, 6, 8];
    expect(assess("conventional-titration", specs, "literal", baseline).state).toBe("window");
    const robust = assess("conventional-titration", specs, "robust", baseline);
    expect(robust.state).toBe("titrating");
    expect(robust.next.totalUg).toBe(3000);
    expect(robust.reasons.at(-1)).toMatch(/no window yet: pain from 1\.5 mg on against baseline/);
  });

  it("counts a steady 2-point drop when the patient's ratings never wander (the noise-free case), as literal does", () => {
    const specs = [...wandering(750, 14, [5])];
    for (const detector of ["literal", "robust"] as const) {
      expect(assess("dose-response-0.75", specs, detector).state).toBe("window");
    }
  });

  it("settles the MED on the best 14-day level once the levels above are clearly worse, and flags hormesis", () => {
    const specs = [...level(1500, 4), ...level(3000, 6), ...level(4500, 8)];
    const a = assess("conventional-titration", specs);
    expect(a).toMatchObject({ state: "med", medUg: 1500, hormesis: true });
    expect(a.reasons.join("\n")).toMatch(/worse than the best, 1\.5 mg/);
  });

  it("stops at the top of the range when no level beat the noise", () => {
    const specs = [1500, 3000, 4500].flatMap((ug) => wandering(ug, 14, [6, 7, 8]));
    const a = assess("conventional-titration", specs);
    expect(a.state).toBe("stopped");
    expect(a.reasons.at(-1)).toMatch(/no improvement by 4\.5 mg/);
  });

  it("leaves micro-titration to the statistical rules: 2-day levels are not judged alone", () => {
    const micro = assess("micro-titration", levels(100, [7, 7, 7, 7, 5, 5, 5]));
    expect(micro.reasons.at(-1)).toMatch(/best so far .* \(pain [\d.]+ over \d+ days, smoothed [\d.]+\)/);
    expect(micro.reasons.join("\n")).not.toMatch(/judged on their own mean/);
  });
});

describe("robust on fixed doses: against the patient's own scatter, with a 2-week look (003)", () => {
  it("settles a clear response at the 2-week look; literal waits for the 28 days", () => {
    const specs = wandering(4500, EARLY_LOOK_DAYS, [3, 4, 5]);
    const robust = assess("fixed-standard", specs);
    expect(robust).toMatchObject({ state: "maintenance", medUg: 4500 });
    expect(robust.reasons.join("\n")).toMatch(/4\.5 mg works after 14 days \(003: judge after 2-4 weeks\)/);
    expect(assess("fixed-standard", specs, "literal").state).toBe("titrating");
  });

  it("waits for 28 days when the response is not yet clear at 2 weeks, and says so", () => {
    const specs = wandering(4500, EARLY_LOOK_DAYS, [5, 7, 8, 6]);
    const a = assess("fixed-standard", specs, "robust", [7, 6, 8]);
    expect(a.state).toBe("titrating");
    expect(a.reasons.join("\n")).toMatch(/14-day look \(003: 2-4 weeks\): not yet a clear response/);
  });

  it("stops a dose whose 28-day drop is within the noise, where literal keeps it", () => {
    // Mean 6.9 against baseline 7, ratings wandering by a point and a half.
    const specs = wandering(4500, 28, [5, 8, 7, 6, 9, 7, 6]);
    const baseline = [7, 6, 8];
    expect(assess("fixed-standard", specs, "literal", baseline).state).toBe("maintenance");
    const robust = assess("fixed-standard", specs, "robust", baseline);
    expect(robust.state).toBe("stopped");
    expect(robust.reasons.join("\n")).toMatch(/no response to 4\.5 mg after 28 days/);
  });

  it("keeps a dose with a steady 1-point drop when the ratings never wander", () => {
    const a = assess("ldn-once-daily", wandering(1500, 28, [6]), "robust", [7, 7, 7]);
    expect(a).toMatchObject({ state: "maintenance", medUg: 1500 });
  });
});
