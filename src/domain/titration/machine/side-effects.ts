/**
 * Side effects as 004 handles them (clinical reference 2.1), and the sources' others:
 * - GI upset: take with food, hold the dose until it settles; the clinician is told when it
 *   does not settle within the clinic's number of days;
 * - sleep problems: last dose by 4 PM, then earlier, then all in the morning;
 * - drowsiness above the MED: back to the MED (004: 1.4 mg, MED 1.3 mg);
 * - agitation: held for a clinician's review;
 * - opioid withdrawal (002: naltrexone can knock opioids off their receptors): held, alert;
 * - on fixed doses, side effects 2 days in a row reduce the dose (003).
 */
import type { DiaryDay } from "../../diary/diary-day.ts";
import { GI_EFFECTS, SLEEP_EFFECTS } from "../../diary/side-effects.ts";
import { SLEEP_STEP_TEXT, type SleepStep } from "../sleep-times.ts";
import { GI_SETTLED_DAYS, GI_UNSETTLED_ALERT_DAYS, SLEEP_PERSIST_DAYS } from "../thresholds.ts";
import { searchContext, windowPath } from "./ascending.ts";
import { tolerability } from "./fixed.ts";
import { setMed } from "./med.ts";
import { pause, show, type Titration } from "./titration.ts";

/**
 * Applies the day's side effects (a day that did not count still reports them).
 *
 * @example sideEffects(t, { date, doses, pain: 6, sideEffects: ["gi-upset"] }) // holds the titration
 */
export function sideEffects(t: Titration, entry: DiaryDay): void {
  const s = t.s;
  const effects = entry.sideEffects;
  if (s.state === "paused" && s.pauseCause === "gi") giSettling(t, entry);
  if (effects.includes("withdrawal")) withdrawal(t, entry);
  if (effects.includes("agitation") && s.state !== "paused") {
    pause(
      t,
      "agitation",
      entry.date,
      `agitation at ${show(t, s.currentUg)}: held for a clinician's review (004)`,
    );
  }
  const gi = effects.some((e) => GI_EFFECTS.includes(e));
  if (gi && (s.state === "titrating" || s.state === "window") && t.rules.kind !== "fixed") {
    pause(
      t,
      "gi",
      entry.date,
      `GI upset at ${show(t, s.currentUg)}: take LDN with food and stay on this dose until it settles (004)`,
    );
  }
  if (effects.some((e) => SLEEP_EFFECTS.includes(e))) sleepProblem(t, entry);
  if (effects.includes("drowsiness")) drowsiness(t, entry);
  if (t.rules.kind === "fixed") tolerability(t, entry, t.rules);
}

function giSettling(t: Titration, entry: DiaryDay): void {
  const s = t.s;
  const gi = entry.sideEffects.some((e) => GI_EFFECTS.includes(e));
  s.giClearDays = gi ? 0 : s.giClearDays + 1;
  const held = s.day - s.pausedOnDay;
  if (gi && held === GI_UNSETTLED_ALERT_DAYS) {
    t.journal.alert(
      "gi-unsettled",
      entry.date,
      `GI upset at ${show(t, s.currentUg)} has not settled after ${held} days held (clinic setting: ${GI_UNSETTLED_ALERT_DAYS} days); for a clinician's review`,
      "Your stomach upset has lasted a while. Keep taking LDN with food at the same dose, and call the clinic.",
    );
  }
  if (s.giClearDays < GI_SETTLED_DAYS) {
    t.journal.note(
      "side-effect",
      entry.date,
      `held at ${show(t, s.currentUg)} for GI upset; ${s.giClearDays} of ${GI_SETTLED_DAYS} clear days (clinic setting)`,
    );
    return;
  }
  s.state = s.resumeTo;
  s.pauseCause = null;
  t.journal.event(
    "resume",
    entry.date,
    `GI upset settled for ${GI_SETTLED_DAYS} days: titration resumes (004)`,
  );
}

function withdrawal(t: Titration, entry: DiaryDay): void {
  const s = t.s;
  t.journal.alert(
    "withdrawal",
    entry.date,
    `opioid withdrawal symptoms reported at ${show(t, s.currentUg)}: naltrexone can knock opioids off their receptors, inducing withdrawal and worsening pain (002); titration held for a clinician's review`,
    "You reported opioid withdrawal. Do not take a higher dose. Call the clinic today.",
  );
  if (s.state === "titrating" || s.state === "window") {
    pause(
      t,
      "withdrawal",
      entry.date,
      `opioid withdrawal at ${show(t, s.currentUg)}: held for a clinician's review (002)`,
    );
  }
}

function sleepProblem(t: Titration, entry: DiaryDay): void {
  const sleep = t.s.sleep;
  if (sleep.step === 3) {
    // Said once: there is no step left.
    if (t.s.day - sleep.changedDay >= SLEEP_PERSIST_DAYS && !sleep.reviewAsked) {
      sleep.reviewAsked = true;
      t.journal.event(
        "side-effect",
        entry.date,
        "sleep problems persist with all doses in the morning: for a clinician's review",
      );
    }
    return;
  }
  if (sleep.step > 0 && t.s.day - sleep.changedDay < SLEEP_PERSIST_DAYS) return;
  sleep.step = (sleep.step + 1) as SleepStep;
  sleep.changedDay = t.s.day;
  t.journal.event("side-effect", entry.date, `sleep problems: ${SLEEP_STEP_TEXT[sleep.step]}`, {
    sleepStep: sleep.step,
  });
}

function drowsiness(t: Titration, entry: DiaryDay): void {
  const s = t.s;
  if ((s.state === "med" || s.state === "maintenance") && s.medUg !== null && s.currentUg > s.medUg) {
    s.targetUg = s.medUg;
    t.journal.event(
      "side-effect",
      entry.date,
      `drowsiness at ${show(t, s.currentUg)}, above the MED: back to ${show(t, s.medUg)} (004)`,
    );
    return;
  }
  const path = windowPath(t);
  if (s.state === "window" && path.length > 0) {
    const best = t.detector.best(t.stats, path, searchContext(t));
    if (s.currentUg > best.medUg) {
      setMed(
        t,
        best.medUg,
        `drowsiness at ${show(t, s.currentUg)}, above the best level: return to it (004: drowsiness at 1.4 mg went away at the MED of 1.3 mg); ${best.reason}`,
        entry.date,
      );
      return;
    }
  }
  t.journal.note(
    "side-effect",
    entry.date,
    `drowsiness at ${show(t, s.currentUg)} noted (004 gives a rule only above the MED)`,
  );
}
