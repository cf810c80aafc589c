/**
 * Ascending protocols (micro-titration, 004; conventional titration, 001; 0.75 mg steps,
 * Bruun-Plesner 2020): hold each level its days, watch for the window of effectiveness,
 * search for the MED inside it, stop at the top of the range with no improvement (004).
 */
import type { SearchContext } from "../detectors/detector.ts";
import type { ProtocolRules } from "../protocol-rules.ts";
import { setMed } from "./med.ts";
import { baselineFor, lastDate, show, stop, type Titration } from "./titration.ts";

type Ascending = Extract<ProtocolRules, { kind: "ascending" }>;

/**
 * After a counted day at the current level: once the level has its days, judge it and
 * aim at the next.
 *
 * @example ascend(t, rules) // sets t.s.targetUg to the next level, or the MED
 */
export function ascend(t: Titration, rules: Ascending): void {
  const s = t.s;
  const level = s.currentUg;
  if (!levelComplete(t, level, rules.daysPerLevel)) return;
  s.levelDone = true;
  if (!s.path.includes(level)) s.path.push(level);
  if (s.state === "titrating") checkWindow(t);
  if (s.state === "window") {
    const verdict = t.detector.med(t.stats, windowPath(t), searchContext(t));
    if (verdict.medUg !== null) return setMed(t, verdict.medUg, verdict.reason, lastDate(t), verdict.harm);
    t.journal.note("med-search", lastDate(t), verdict.reason);
  }
  if (level >= rules.maxUg) return endOfRange(t, rules.maxUg);
  s.targetUg = Math.min(level + rules.stepUg, rules.maxUg);
  t.journal.extendNote(
    lastDate(t),
    `next ${show(t, s.targetUg)} a day (${t.plan.protocol.id}: +${show(t, rules.stepUg)} every ${rules.daysPerLevel} days)`,
  );
}

/** True once the current level has its days; says how many are still needed otherwise. */
export function levelComplete(t: Titration, level: number, daysNeeded: number): boolean {
  const s = t.s;
  if (s.levelDone) return false;
  if (s.daysAtLevel >= daysNeeded) return true;
  t.journal.note(
    "level-incomplete",
    lastDate(t),
    `${s.daysAtLevel} of ${daysNeeded} days recorded at ${show(t, level)}; stay at this dose`,
    { levelUg: level, days: s.daysAtLevel, daysNeeded },
  );
  return false;
}

function checkWindow(t: Titration): void {
  const s = t.s;
  const verdict = t.detector.windowEntry(baselineFor(t), t.stats, s.path);
  t.journal.note("window-check", lastDate(t), verdict.reason);
  if (!verdict.entered) return;
  s.state = "window";
  s.window = {
    index: s.path.indexOf(verdict.atUg),
    ug: verdict.atUg,
    ...(verdict.signal ? { signal: verdict.signal } : {}),
  };
  t.journal.event(
    "window-entered",
    lastDate(t),
    `window of effectiveness entered at ${show(t, verdict.atUg)}: ${verdict.reason}`,
    { windowUg: verdict.atUg },
  );
}

/** The levels tried since the window began, in order. */
export function windowPath(t: Titration): number[] {
  return t.s.path.slice(t.s.window?.index ?? 0);
}

/** What the MED search knows besides the window's levels. */
export function searchContext(t: Titration): SearchContext {
  const w = t.s.window;
  return {
    baseline: baselineFor(t),
    before: t.s.path.slice(0, w?.index ?? 0),
    ...(w?.signal ? { signal: w.signal } : {}),
  };
}

function endOfRange(t: Titration, maxUg: number): void {
  if (t.s.state === "window") {
    const best = t.detector.best(t.stats, windowPath(t), searchContext(t));
    setMed(t, best.medUg, `reached the ${show(t, maxUg)} maximum in the window; ${best.reason}`);
    return;
  }
  stop(
    t,
    lastDate(t),
    `no improvement by ${show(t, maxUg)}, the protocol's maximum: stop (004: stop if no improvement at 6.0 mg)`,
    { maxUg },
  );
}
