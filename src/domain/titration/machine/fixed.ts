/**
 * Fixed doses (003: 4.5 mg nightly, judged after 2-4 weeks; 000: 1.5-4.5 mg once daily):
 * hold the dose for its assessment period, settle early only on a clear response, reduce
 * for tolerability (003), stop with a pointer to re-titration when it does not work (004).
 */
import type { DiaryDay } from "../../diary/diary-day.ts";
import type { Verdict } from "../detectors/detector.ts";
import type { ProtocolRules } from "../protocol-rules.ts";
import { EARLY_LOOK_DAYS } from "../thresholds.ts";
import { levelComplete } from "./ascending.ts";
import { baselineFor, lastDate, pause, show, stop, type Titration } from "./titration.ts";

type Fixed = Extract<ProtocolRules, { kind: "fixed" }>;

/**
 * @example holdFixed(t, rules) // maintenance once the dose works, a stop when it does not
 */
export function holdFixed(t: Titration, rules: Fixed): void {
  const s = t.s;
  const dose = s.currentUg;
  const early = clearEarly(t, dose, rules.assessmentDays);
  if (!early && !levelComplete(t, dose, rules.assessmentDays)) return;
  const verdict = early ?? t.detector.responds(t.stats, dose, baselineFor(t));
  if (verdict.yes) {
    s.medUg = dose;
    s.state = "maintenance";
    s.decidedOn = lastDate(t);
    s.medDays = [];
    const at = t.stats.summary(dose);
    s.medReference = at ? { mean: at.meanPain, n: at.n } : null;
    t.journal.event(
      "fixed-works",
      lastDate(t),
      `${show(t, dose)} works after ${t.stats.count(dose)} days (003: judge after 2-4 weeks): ${verdict.reason}; maintenance`,
      { doseUg: dose },
    );
    t.journal.clearNote();
    return;
  }
  stop(
    t,
    lastDate(t),
    `no response to ${show(t, dose)} after ${rules.assessmentDays} days: ${verdict.reason}; ` +
      "004: patients who failed a fixed dose can be re-titrated (micro-titration)",
    { doseUg: dose },
  );
}

/**
 * 003 judges a fixed dose "after 2-4 weeks": at the 2-week look a detector that offers it
 * may settle a clear response early; anything less waits for the whole assessment period.
 */
export function clearEarly(t: Titration, dose: number, assessmentDays: number): Verdict | null {
  const detector = t.detector;
  if (!detector.clearResponse || assessmentDays <= EARLY_LOOK_DAYS) return null;
  if (t.s.daysAtLevel !== EARLY_LOOK_DAYS) return null;
  const verdict = detector.clearResponse(t.stats, dose, baselineFor(t));
  if (verdict.yes) return verdict;
  t.journal.event(
    "fixed-look",
    lastDate(t),
    `${EARLY_LOOK_DAYS}-day look (003: 2-4 weeks): not yet a clear response (${verdict.reason}); judged again after ${assessmentDays} days`,
  );
  return null;
}

/** 003: reduce for tolerability; side effects on 2 days in a row at one dose step it down. */
export function tolerability(t: Titration, entry: DiaryDay, rules: Fixed): void {
  const s = t.s;
  const now = entry.sideEffects.some((e) => e !== "other" && e !== "withdrawal");
  const run = s.sideEffectRun;
  const days = !now ? 0 : run.ug === s.currentUg ? run.days + 1 : 1;
  s.sideEffectRun = { ug: s.currentUg, days };
  if (days < 2 || s.state !== "titrating") return;
  // Counted afresh at the lower dose: the day before a reduction is not a day at the new one.
  s.sideEffectRun = { ug: s.currentUg, days: 0 };
  const lower = s.currentUg - rules.reductionUg;
  if (lower >= rules.floorUg) {
    s.targetUg = lower;
    t.journal.event(
      "side-effect",
      entry.date,
      `side effects on 2 days in a row at ${show(t, s.currentUg)}: reduce to ${show(t, lower)} for tolerability (003: e.g. 4.5 to 3 mg)`,
      { fromUg: s.currentUg, toUg: lower },
    );
  } else {
    pause(
      t,
      "clinician",
      entry.date,
      `side effects persist at the lowest dose of the plan, ${show(t, s.currentUg)}: for a clinician's review`,
    );
  }
}
