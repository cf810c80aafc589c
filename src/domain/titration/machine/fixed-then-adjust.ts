/**
 * 004, Conclusions: start at a fixed dose (e.g. 3 or 4.5 mg); if it works, micro-adjust
 * above it, then below it, to establish the MED (shorter than a titration from 0.1 mg).
 */
import type { ProtocolRules } from "../protocol-rules.ts";
import { clearEarly } from "./fixed.ts";
import { levelComplete } from "./ascending.ts";
import { setMed } from "./med.ts";
import { baselineFor, lastDate, show, stop, type Titration } from "./titration.ts";

type Adjust = Extract<ProtocolRules, { kind: "fixed-then-adjust" }>;

/**
 * @example adjust(t, rules) // after the fixed dose works: 0.1 mg steps above it
 */
export function adjust(t: Titration, rules: Adjust): void {
  const s = t.s;
  const level = s.currentUg;
  if (s.adjustPhase === "fixed") {
    const early = clearEarly(t, level, rules.assessmentDays);
    if (!early && !levelComplete(t, level, rules.assessmentDays)) return;
    s.levelDone = true;
    const verdict = early ?? t.detector.responds(t.stats, level, baselineFor(t));
    if (!verdict.yes) {
      stop(
        t,
        lastDate(t),
        `the fixed ${show(t, level)} did not work: ${verdict.reason}; 004: re-titrate with micro-titration`,
      );
      return;
    }
    s.path = [level];
    s.window = { index: 0, ug: level };
    s.state = "window";
    s.adjustPhase = "up";
    t.journal.event(
      "adjust",
      lastDate(t),
      `the fixed ${show(t, level)} works (${verdict.reason}); micro-adjusting above it (004, Conclusions)`,
    );
    stepAdjust(t, rules, level);
    return;
  }
  if (!levelComplete(t, level, rules.daysPerStep)) return;
  s.levelDone = true;
  if (!s.path.includes(level)) s.path.push(level);
  const context = { baseline: baselineFor(t), before: [] };
  const verdict = t.detector.med(t.stats, s.path, context);
  t.journal.note("med-search", lastDate(t), verdict.reason);
  if (verdict.medUg !== null) {
    if (s.adjustPhase === "up" && verdict.medUg === s.path[0]) {
      s.adjustPhase = "down";
      s.path = [verdict.medUg];
      t.journal.event(
        "adjust",
        lastDate(t),
        `no gain above ${show(t, verdict.medUg)} (${verdict.reason}); micro-adjusting below it (004, Conclusions)`,
      );
      stepAdjust(t, rules, verdict.medUg);
      return;
    }
    setMed(t, verdict.medUg, verdict.reason, lastDate(t), verdict.harm);
    return;
  }
  stepAdjust(t, rules, level);
}

function stepAdjust(t: Titration, rules: Adjust, from: number): void {
  const s = t.s;
  const next = s.adjustPhase === "up" ? from + rules.stepUg : from - rules.stepUg;
  if (next > rules.maxUg || next < rules.minUg) {
    const best = t.detector.best(t.stats, s.path, { baseline: baselineFor(t), before: [] });
    setMed(t, best.medUg, `end of the range; ${best.reason}`);
    return;
  }
  s.targetUg = next;
  t.journal.extendNote(
    lastDate(t),
    `next ${show(t, next)} a day (004: micro-adjust by ${show(t, rules.stepUg)})`,
  );
}
