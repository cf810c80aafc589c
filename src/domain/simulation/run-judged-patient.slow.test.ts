import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar-date.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import { micrograms } from "../dose.ts";
import type { NextDoses, TitrationState } from "../titration/titration-state.ts";
import { judgeDetector, judgePatients } from "./judge-detector.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { judgedScore, type EngineFactory, type JudgedEngine } from "./run-judged-patient.ts";
import { benefitAt, drawPatient, type VirtualPatient } from "./virtual-patient.ts";

const SEED = 8;
const N = 120;
const cohort = () =>
  Array.from({ length: N }, (_, i) => drawPatient(createRng(deriveSeed(SEED, i, 0)), i, false));

interface Seen {
  readonly given: NextDoses[];
  readonly read: (DiaryDay | undefined)[];
  baselinePain: readonly number[];
  baselineWellbeing: readonly number[];
}

/**
 * A perfect stand-in for the engine: it follows micro-titration's levels (0.1 mg more every
 * 2 days) and, knowing the hidden curve, declares the true MED after its 2 days, or stops at
 * 6 mg for a non-responder. It records what it gave and what it read.
 */
function perfectEngine(patient: VirtualPatient, seen: Seen): JudgedEngine {
  let day = 0;
  let level = 100;
  let daysAtLevel = 0;
  let state: TitrationState = "titrating";
  let medUg: number | null = null;
  return {
    next() {
      const next = {
        date: addDays("2027-01-04" as IsoDate, day),
        totalUg: level,
        doses: [{ time: "08:00", ug: micrograms(level) }],
      };
      seen.given.push(next);
      return next;
    },
    readDay(entry) {
      seen.read.push(entry);
      day += 1;
      daysAtLevel += 1;
      if (daysAtLevel < 2) return;
      daysAtLevel = 0;
      if (patient.responder && level === patient.medUg) [state, medUg] = ["med", level];
      else if (level >= 6000) state = "stopped";
      else level += 100;
    },
    get currentState() {
      return state;
    },
    assessment: () => ({ state, medUg, currentUg: level }),
  };
}

/** Hands each patient of the cohort, in order, its own perfect engine. */
function perfectEngines(): { engine: EngineFactory; seen: Seen[] } {
  const patients = cohort();
  const seen: Seen[] = [];
  const engine: EngineFactory = (plan) => {
    const s: Seen = {
      given: [],
      read: [],
      baselinePain: plan.baselinePain,
      baselineWellbeing: (plan as { baselineWellbeing?: readonly number[] }).baselineWellbeing ?? [],
    };
    seen.push(s);
    return perfectEngine(patients[seen.length - 1]!, s);
  };
  return { engine, seen };
}

const options = { protocol: "micro-titration", detector: "robust", seed: SEED, patients: N } as const;

describe("the judged score of one responder", () => {
  const patients = cohort();
  const responder = patients.find((p) => p.responder && p.hormetic && p.medUg >= 500)!;

  it("is 1 when the declared MED is the true MED, 0 when none is declared", () => {
    expect(judgedScore(responder, responder.medUg)).toBe(1);
    expect(judgedScore(responder, null)).toBe(0);
  });

  it("is the share of the best benefit at another dose, and below 0 (kept, not clamped) at a harmful one", () => {
    const lower = responder.medUg - 100;
    expect(judgedScore(responder, lower)).toBeCloseTo(benefitAt(responder, lower) / responder.maxBenefit);
    expect(judgedScore(responder, responder.medUg * 3)).toBeLessThan(0);
  });

  it("is none for a non-responder, who is judged by the share given a MED", () => {
    expect(
      judgedScore(
        patients.find((p) => !p.responder)!,
        1000,
      ),
    ).toBeNull();
  });
});

describe("a judged run", () => {
  it("scores a perfect detector stand-in 1, with no non-responder given a MED, noisy or not", () => {
    for (const noise of [undefined, { sd: 0, autocorrelation: 0 }]) {
      const judgement = judgeDetector({ ...options, noise, engine: perfectEngines().engine });
      expect(judgement.score).toBe(1);
      expect(judgement.nonResponderMedShare).toBe(0);
      expect(judgement.responderNoMedShare).toBe(0);
      expect(judgement.meanErrorMg).toBe(0);
    }
  });

  it("takes the first MED declared as the decision, on the day it is declared; a stop is no MED", () => {
    const outcomes = judgePatients({ ...options, engine: perfectEngines().engine });
    cohort().forEach((p, i) => {
      const o = outcomes[i]!;
      if (p.responder)
        expect(o).toMatchObject({
          decision: "med",
          declaredUg: p.medUg,
          daysToDecision: (2 * p.medUg) / 100,
        });
      else
        expect(o).toMatchObject({ decision: "stopped", declaredUg: null, daysToDecision: 120, score: null });
    });
  });

  it("gives the patient exactly the engine's doses, a full diary every day with no side effects, and the baseline days first", () => {
    const { engine, seen } = perfectEngines();
    judgePatients({ ...options, baselineDays: 5, engine });
    for (const s of seen) {
      expect(s.read).toHaveLength(s.given.length);
      s.read.forEach((entry, d) => {
        expect(entry).toBeDefined();
        expect(entry!.date).toBe(s.given[d]!.date);
        expect(entry!.doses).toEqual(s.given[d]!.doses);
        expect(entry!.sideEffects).toEqual([]);
        for (const key of ["pain", "mood", "energy", "clarity", "impression"] as const)
          expect(entry![key]).toBeDefined();
      });
      expect(s.baselinePain).toHaveLength(5);
      expect(s.baselineWellbeing).toHaveLength(5);
    }
  });

  it("is reproducible from its seed with the real engine, and another seed gives other patients", () => {
    const small = { ...options, patients: 40 };
    expect(judgePatients(small)).toEqual(judgePatients(small));
    expect(judgePatients({ ...small, seed: SEED + 1 })).not.toEqual(judgePatients(small));
  });

  it("refuses noise, autocorrelation or baseline days out of range, naming the setting", () => {
    expect(() => judgeDetector({ ...options, noise: { sd: -1, autocorrelation: 0.5 } })).toThrow(/noiseSd/);
    expect(() => judgeDetector({ ...options, noise: { sd: 1, autocorrelation: 1 } })).toThrow(
      /autocorrelation/,
    );
    expect(() => judgeDetector({ ...options, baselineDays: 2.5 })).toThrow(/baselineDays/);
    expect(() => judgeDetector({ ...options, patients: 0 })).toThrow(/patients/);
  });
});
