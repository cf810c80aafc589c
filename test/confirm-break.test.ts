/**
 * The stress bench's trial of a MED confirmed by a break (`bench/confirm-break.ts`): the
 * break's days are rated off LDN then on the MED, never reach the engine, and decide.
 */
import { describe, expect, it } from "vitest";
import { withConfirmBreak } from "../bench/confirm-break.ts";
import { parseIsoDate } from "../src/domain/calendar-date.ts";
import type { DayRatings } from "../src/domain/simulation/diary-rater.ts";
import type { JudgedEngine } from "../src/domain/simulation/run-judged-patient.ts";
import type { TitrationState } from "../src/domain/titration/titration-state.ts";

const MED_UG = 1200;
const DAYS_TO_MED = 3;
const DATE = parseIsoDate("2027-01-04");

/** An engine that settles a MED of 1.2 mg after three diary days, and counts what it is told. */
function fakeEngine(): JudgedEngine & { told: number } {
  let told = 0;
  return {
    get told() {
      return told;
    },
    readDay() {
      told += 1;
    },
    next: () => ({ date: DATE, totalUg: MED_UG, doses: [] }),
    get currentState(): TitrationState {
      return told >= DAYS_TO_MED ? "med" : "window";
    },
    assessment: () => ({ state: "med", medUg: MED_UG, currentUg: MED_UG }),
  };
}

/** Ratings around a level, a point either side on alternate days so the scatter is not 0. */
function around(pain: number, wellbeing: number, day: number): DayRatings {
  const wobble = day % 2 ? 1 : -1;
  const w = wellbeing - wobble;
  return { pain: pain + wobble, mood: w, energy: w, clarity: w, impression: "same" };
}

/** Runs the judged loop until a decision; returns it, the doses the break was rated at, and what the engine was told. */
function run(rate: (ug: number, day: number) => DayRatings) {
  const engine = fakeEngine();
  const rated: number[] = [];
  let day = 0;
  const judged = withConfirmBreak(
    engine,
    { days: 4, z: 0.75, breakUg: 0 },
    (ug) => {
      rated.push(ug);
      return rate(ug, day);
    },
    false,
  );
  for (day = 0; day < 30; day++) {
    judged.readDay({ date: DATE, doses: [], pain: 5, sideEffects: [] });
    const state = judged.currentState;
    if (state === "med" || state === "stopped") return { state, rated, told: engine.told };
  }
  return { state: "undecided", rated, told: engine.told };
}

describe("a MED confirmed by a break from LDN (stress bench)", () => {
  it("keeps the MED of a patient whose pain comes back off LDN and goes again on it", () => {
    const result = run((ug, day) => (ug > 0 ? around(3, 7, day) : around(7, 4, day)));
    expect(result.state).toBe("med");
    expect(result.rated).toEqual([0, 0, 0, 0, MED_UG, MED_UG, MED_UG, MED_UG]);
    expect(result.told).toBe(DAYS_TO_MED);
  });

  it("stops with no MED when the break changes nothing (a drift, not the dose)", () => {
    const result = run((_, day) => around(4, 6, day));
    expect(result.state).toBe("stopped");
    expect(result.rated).toHaveLength(8);
  });

  it("stops when the days back on the MED are worse than the break", () => {
    const result = run((ug, day) => (ug > 0 ? around(7, 4, day) : around(3, 7, day)));
    expect(result.state).toBe("stopped");
  });
});
