/**
 * Each case the engine issue measured on the previous engine, asserting what a careful
 * clinician following 004 would do instead.
 */
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar-date.ts";
import { micrograms } from "../dose.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import { parseDiaryDay } from "../diary/parse-diary-day.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { resolveSettings } from "../protocols/settings.ts";
import { assessTitration, type TitrationInput } from "./assess-titration.ts";
import type { ClinicianDecision } from "./decisions.ts";
import { buildDiary, levels, type DaySpec } from "./testing/diary-builder.ts";
import { GI_UNSETTLED_ALERT_DAYS } from "./thresholds.ts";

const start = "2027-01-04" as IsoDate;
const micro = getProtocol("micro-titration");

function assess(specs: readonly DaySpec[], extra: Partial<TitrationInput> = {}) {
  return assessTitration({
    protocol: micro,
    start,
    baseline: [7, 7, 7],
    days: buildDiary(start, specs),
    detector: "robust",
    ...extra,
  });
}

const codes = (a: { alerts: readonly { code: string }[] }) => a.alerts.map((x) => x.code);

describe("a narrow window: clearly better at 0.5 mg, pain 9 at every higher dose", () => {
  const specs = levels(100, [7, 7, 7, 7, 3, 9, 9, 9, 9, 9]);

  it("goes back to 0.5 mg within days of the harm, flags hormesis and tells the clinician", () => {
    const a = assess(specs);
    expect(a).toMatchObject({ state: "med", medUg: 500, hormesis: true });
    expect(a.decidedOn).toBe(addDays(start, 11)); // after the 2 days at 0.6 mg
    expect(codes(a)).toContain("harm");
    expect(a.reasons.join("\n")).toMatch(/pain from 0\.6 mg on is worse than the best, 0\.5 mg/);
  });

  it("as the literal rule does, while robust no longer climbs to 6 mg at pain 9", () => {
    expect(assess(specs, { detector: "literal" }).medUg).toBe(500);
  });
});

describe("mood, energy and clarity are read (004: what patients watch for)", () => {
  const before = (d: number): DiaryDay => ({
    date: addDays(start, d - 3),
    doses: [],
    pain: 6,
    mood: 3,
    energy: 3,
    clarity: 3,
    sideEffects: [],
  });
  const baselineDays = [0, 1, 2].map(before);
  // Pain stays at 6; mood, energy and clarity rise from 3 to 8 at 1.0 mg and stay there; "better" that day.
  const specs: DaySpec[] = Array.from({ length: 44 }, (_, d) => {
    const ug = 100 * (Math.floor(d / 2) + 1);
    const w = ug >= 1000 ? 8 : 3;
    return {
      ug,
      pain: 6,
      mood: w,
      energy: w,
      clarity: w,
      ...(ug === 1000 ? { impression: "better" as const } : {}),
    };
  });

  it("opens the window at 1.0 mg on them and settles the MED there, not at 6 mg", () => {
    const a = assessTitration({
      protocol: micro,
      start,
      days: [...baselineDays, ...buildDiary(start, specs)],
      detector: "robust",
    });
    expect(a.windowUg).toBe(1000);
    expect(a).toMatchObject({ state: "med", medUg: 1000 });
    expect(a.reasons.join("\n")).toMatch(/mood, energy and clarity 8\.0 over \d+ days against 3\.0/);
    expect(a.reasons.join("\n")).not.toMatch(/pain is read alone/);
  });
});

describe("doses taken are checked against the doses due", () => {
  const oneMg = [{ time: "08:00", ug: micrograms(1000) }];

  it("1 mg on days 1-2 of micro-titration (ten times the 0.1 mg due): an alert, and the next dose is still 0.1 mg", () => {
    const a = assess([
      { ug: 1000, pain: 7, doses: oneMg },
      { ug: 1000, pain: 7, doses: oneMg },
    ]);
    expect(a.next.totalUg).toBe(100);
    const alert = a.alerts.find((x) => x.code === "dose-above-due")!;
    expect(alert.message).toMatch(/1 mg taken against 0\.1 mg due/);
    expect(alert.patientMessage).toMatch(/your dose that day was 0\.1 mg/);
    expect(a.levels).toEqual([]); // neither day counts toward any level
  });

  it("a ULDN patient recording 1000 mcg twice a day: an alert that it looks like milligrams for micrograms", () => {
    const uldn = getProtocol("uldn-with-opioids");
    const days = Array.from({ length: 3 }, (_, i) => ({
      date: addDays(start, i),
      doses: [
        { time: "08:00", ug: micrograms(1000) },
        { time: "20:00", ug: micrograms(1000) },
      ],
      pain: 5,
      sideEffects: [],
    }));
    const a = assessTitration({ protocol: uldn, start, baseline: [5], days, detector: "robust" });
    expect(codes(a)).toContain("dose-unit-slip");
    expect(a.next.totalUg).toBe(2); // 1 mcg twice a day, as planned
  });

  it("a check-in with 5,000 doses of 50 mg is refused, naming the field", () => {
    const doses = Array.from({ length: 5000 }, () => ({ time: "08:00", ug: 50_000 }));
    expect(() => parseDiaryDay({ date: start, doses, pain: 5 }, "day")).toThrow(/day\.doses/);
  });

  it("3 days with no dose: the titration resumes one step lower, said in the reasons, with an alert", () => {
    const a = assess([
      ...levels(100, [7, 7, 7, 7]),
      ...Array.from({ length: 3 }, () => ({ ug: 0, pain: 7 })),
    ]);
    // The last dose taken was 0.4 mg (0.5 mg was due next): it resumes below both, at 0.3 mg.
    expect(a.next.totalUg).toBe(300);
    expect(codes(a)).toContain("doses-stopped");
    expect(a.reasons.join("\n")).toMatch(
      /no dose taken for 3 days \(clinic setting\): the titration resumes one step lower, at 0\.3 mg/,
    );
  });

  it("a diary silent for 4 days goes to the clinician", () => {
    const a = assess(levels(100, [7, 7]), { asOf: addDays(start, 7) });
    expect(codes(a)).toContain("diary-silent");
    expect(codes(assess(levels(100, [7, 7])))).not.toContain("diary-silent");
  });

  it("GI upset that does not settle goes to the clinician, with the dose still held", () => {
    const gi: DaySpec[] = Array.from({ length: GI_UNSETTLED_ALERT_DAYS + 1 }, () => ({
      ug: 300,
      pain: 7,
      sideEffects: ["gi-upset"],
    }));
    const a = assess([...levels(100, [7, 7]), ...gi]);
    expect(a.state).toBe("paused");
    expect(a.next.totalUg).toBe(300);
    expect(codes(a)).toContain("gi-unsettled");
  });
});

describe("clinician decisions at the protocol's pace", () => {
  it("a fixed-standard raise back to 4.5 mg after a tolerability reduction is applied", () => {
    const fixed = getProtocol("fixed-standard");
    const times = resolveSettings(fixed).times;
    const specs: DaySpec[] = [
      { ug: 4500, pain: 6, sideEffects: ["headache"] },
      { ug: 4500, pain: 6, sideEffects: ["headache"] },
      ...Array.from({ length: 5 }, () => ({ ug: 3000, pain: 6 })),
    ];
    const decisions: ClinicianDecision[] = [{ date: addDays(start, 6), kind: "set-dose", totalUg: 4500 }];
    const a = assessTitration({
      protocol: fixed,
      start,
      baseline: [7, 7, 7],
      days: buildDiary(start, specs, times),
      decisions,
      detector: "robust",
    });
    expect(a.next.totalUg).toBe(4500);
  });

  it("after a MED of 1.6 mg, once a day is allowed (no unpublished 1.5 mg per-dose cap)", () => {
    const specs = levels(100, [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3, 9, 9]);
    const decisions: ClinicianDecision[] = [{ date: addDays(start, 36), kind: "consolidate", doseCount: 1 }];
    const a = assess([...specs, { ug: 1600, pain: 3 }], { decisions });
    expect(a.medUg).toBe(1600);
    expect(a.next.doses).toEqual([{ time: "08:00", ug: 1600 }]);
  });
});

describe("screening reaches the engine", () => {
  it("titrating on opioids recorded at screening raises an alert with a plain message for the patient", () => {
    const a = assess(levels(100, [7]), { opioids: { names: ["oxycodone"], mmePerDay: 60 } });
    const alert = a.alerts.find((x) => x.code === "titrating-on-opioids")!;
    expect(alert.message).toMatch(/oxycodone \(60 MME a day\)/);
    expect(alert.patientMessage).toMatch(/You also take oxycodone/);
  });

  it("withdrawal symptoms hold the titration for a clinician and raise an alert", () => {
    const a = assess([...levels(100, [7]), { ug: 200, pain: 7, sideEffects: ["withdrawal"] }]);
    expect(a.state).toBe("paused");
    expect(codes(a)).toContain("withdrawal");
  });

  it("ULDN below 1 mg cites 002, not 000's words about 1 mcg twice a day", () => {
    const sub = getProtocol("uldn-sub-1mg");
    const a = assessTitration({ protocol: sub, start, baseline: [6], days: [], detector: "robust" });
    expect(a.reasons.join("\n")).toMatch(/002/);
    expect(a.reasons.join("\n")).not.toMatch(/000/);
  });
});

describe("maintenance: an effect that fades is flagged for review", () => {
  it("flags a fade from pain 3 to 6 over the last 2 weeks at the MED", () => {
    const search = levels(100, [7, 7, 7, 7, 3, 9, 9]);
    const atMed = (pain: number, n: number): DaySpec[] =>
      Array.from({ length: n }, () => ({ ug: 500, pain }));
    // 7 days x 4 consolidation trials (4, 3, 2, 1 doses) then maintenance, then the fade.
    const steady = atMed(3, 28);
    const a = assess([...search, ...steady, ...atMed(3, 14)]);
    expect(a.state).toBe("maintenance");
    expect(codes(a)).not.toContain("effect-fading");
    const faded = assess([...search, ...steady, ...atMed(6, 14)]);
    expect(codes(faded)).toContain("effect-fading");
  });
});
