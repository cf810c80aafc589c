/**
 * At and after the MED (004, "Establishing the MED"): back to it, then the same total in
 * fewer doses if tolerated and as effective (three, two, then once a day), maintenance, a
 * clinician's trial of another dose judged against it, and a watch for an effect that fades.
 */
import type { DiaryDay } from "../../diary/diary-day.ts";
import type { IsoDate } from "../../calendar-date.ts";
import { differenceSe } from "../detectors/noise-model.ts";
import {
  CONSOLIDATION_TOLERANCE_POINTS,
  CONSOLIDATION_TRIAL_DAYS,
  FADE_LOOK_DAYS,
  FADE_MIN_SD,
  FADE_RHO,
  FADE_SHARE,
  FADE_Z,
  PAIN_MCID_POINTS,
} from "../thresholds.ts";
import { windowPath } from "./ascending.ts";
import { fitsLimits } from "./next-doses.ts";
import { baselineFor, lastDate, show, type Titration } from "./titration.ts";

/**
 * The MED is `ug`: go back to it and start consolidating.
 *
 * @example setMed(t, 700, "0.8 and 0.9 mg brought no additional improvement")
 */
export function setMed(
  t: Titration,
  ug: number,
  reason: string,
  date: IsoDate = lastDate(t),
  harm = false,
): void {
  const s = t.s;
  s.medUg = ug;
  s.state = "med";
  s.targetUg = ug;
  s.decidedOn ??= date;
  s.consolidation = { from: s.doseCount, days: 0, painSum: 0, reference: null };
  t.journal.event("med-set", date, `MED ${show(t, ug)}: ${reason}`, { medUg: ug });
  const path = windowPath(t).length ? windowPath(t) : t.stats.visited();
  const verdict = t.detector.hormesis(t.stats, path, ug, baselineFor(t));
  if (harm || verdict.yes) {
    s.hormesis = true;
    if (verdict.yes) t.journal.event("hormesis", date, verdict.reason);
    if (harm) {
      t.journal.alert(
        "harm",
        date,
        `a dose above ${show(t, ug)} was clearly worse (${reason}); back to ${show(t, ug)} (004: hormesis)`,
        `Your dose goes back to ${show(t, ug)} a day, the dose that helped most. Tell the clinic if you still feel worse in a few days.`,
      );
    }
  }
  t.journal.note("med-set", date, `back to the MED ${show(t, ug)} a day`, { medUg: ug });
}

/** A counted day in the med or maintenance state. */
export function atMed(t: Titration, entry: DiaryDay): void {
  const s = t.s;
  const med = s.medUg!;
  if (s.currentUg !== med) return judgeExcursion(t, med);
  s.medDays.push(entry.pain);
  const c = s.consolidation;
  if (s.state !== "med" || !c) {
    watchFading(t, entry.date);
    if (!s.fadeFlagged) {
      t.journal.note(
        "maintenance",
        entry.date,
        `maintenance at the MED ${show(t, med)} in ${s.doseCount} dose(s) a day`,
      );
    }
    return;
  }
  c.days += 1;
  c.painSum += entry.pain;
  if (c.days < CONSOLIDATION_TRIAL_DAYS) {
    t.journal.note(
      "consolidation",
      entry.date,
      `day ${c.days} of ${CONSOLIDATION_TRIAL_DAYS} at the MED in ${s.doseCount} dose(s) a day (clinic setting)`,
    );
    return;
  }
  const trialMean = c.painSum / c.days;
  if (c.reference === null) {
    c.reference = trialMean;
  } else if (trialMean > c.reference + CONSOLIDATION_TOLERANCE_POINTS) {
    s.doseCount = c.from;
    maintain(
      t,
      entry.date,
      `pain ${trialMean.toFixed(1)} in fewer doses against ${c.reference.toFixed(1)} before (more than ${CONSOLIDATION_TOLERANCE_POINTS} point worse, clinic setting): back to ${c.from} dose(s) a day`,
    );
    return;
  } else {
    t.journal.event(
      "consolidation",
      entry.date,
      `${s.doseCount} dose(s) a day work as well (pain ${trialMean.toFixed(1)} against ${c.reference.toFixed(1)}; 004: fewer doses if tolerated and as effective)`,
    );
  }
  tryFewerDoses(t, c.reference);
}

function tryFewerDoses(t: Titration, reference: number): void {
  const s = t.s;
  const fewer = s.doseCount - 1;
  if (fewer < 1 || !fitsLimits(t, s.medUg!, fewer)) {
    maintain(t, lastDate(t), `maintenance at the MED ${show(t, s.medUg!)} in ${s.doseCount} dose(s) a day`);
    return;
  }
  s.consolidation = { from: s.doseCount, days: 0, painSum: 0, reference };
  s.doseCount = fewer;
  t.journal.note(
    "consolidation",
    lastDate(t),
    `trying the MED in ${fewer} dose(s) a day (004: three, two, then once a day if tolerated and as effective)`,
  );
}

/** Maintenance from here: the fading watch takes the MED's days so far as its reference. */
export function maintain(t: Titration, date: IsoDate, text: string): void {
  const s = t.s;
  s.state = "maintenance";
  s.consolidation = null;
  const days = s.medDays;
  s.medReference = days.length
    ? { mean: days.reduce((a, b) => a + b, 0) / days.length, n: days.length }
    : null;
  s.medDays = [];
  t.journal.event("maintenance", date, text);
  t.journal.clearNote();
}

/**
 * 003 and 000: the effect shows in 2-4 weeks, and a clinician reviews an effect that does
 * not hold. In maintenance, the last `FADE_LOOK_DAYS` days at the MED are compared with the
 * days that set it: worse by `FADE_SHARE` of the benefit over baseline (and at least half of
 * Farrar's 2 points) and by `FADE_Z` standard errors (the patient's own scatter, days
 * autocorrelated as the detector assumes), and the clinician is told, once.
 */
function watchFading(t: Titration, date: IsoDate): void {
  const s = t.s;
  const ref = s.medReference;
  if (!ref || s.fadeFlagged || s.medDays.length < FADE_LOOK_DAYS) return;
  const recent = s.medDays.slice(-FADE_LOOK_DAYS);
  const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
  const baseline = baselineFor(t).mean;
  const benefit = baseline - ref.mean;
  const needed = Math.max(PAIN_MCID_POINTS / 2, FADE_SHARE * benefit);
  const scatter = t.stats.withinLevelScatter();
  const sd = Math.max(FADE_MIN_SD, Math.sqrt(scatter.ss / Math.max(1, scatter.df)));
  const se = differenceSe({ sd, rho: FADE_RHO, df: scatter.df }, ref.n, recent.length);
  const worse = mean - ref.mean;
  if (benefit <= 0 || worse < needed || worse < FADE_Z * se) return;
  s.fadeFlagged = true;
  const text =
    `the effect at the MED ${show(t, s.medUg!)} is fading: pain ${mean.toFixed(1)} over the last ${recent.length} days against ${ref.mean.toFixed(1)} when it was set ` +
    `(baseline ${baseline.toFixed(1)}; ${worse.toFixed(1)} worse, more than ${Math.round(FADE_SHARE * 100)}% of the benefit and ${FADE_Z} standard errors); for a clinician's review`;
  t.journal.event("fading", date, text, { recentPain: mean, referencePain: ref.mean });
  t.journal.alert("effect-fading", date, text);
}

/** A dose other than the MED taken in med or maintenance (a clinician's trial): judge it. */
function judgeExcursion(t: Titration, med: number): void {
  const s = t.s;
  const level = s.currentUg;
  const days = t.rules.kind === "ascending" ? t.rules.daysPerLevel : 2;
  if (s.daysAtLevel < days || s.path.includes(level)) return;
  s.path.push(level);
  const trial = t.stats.summary(level)!;
  const atMedLevel = t.stats.summary(med);
  if (atMedLevel && trial.meanPain >= atMedLevel.meanPain) {
    s.targetUg = med;
    t.journal.event(
      "excursion",
      lastDate(t),
      `${show(t, level)} (pain ${trial.meanPain.toFixed(1)}) is no better than the MED ${show(t, med)} (pain ${atMedLevel.meanPain.toFixed(1)}): back to the MED`,
      { trialUg: level, medUg: med },
    );
    const verdict = t.detector.hormesis(t.stats, [med, level], med, baselineFor(t));
    if (verdict.yes) {
      s.hormesis = true;
      t.journal.event("hormesis", lastDate(t), verdict.reason);
    }
    return;
  }
  t.journal.note(
    "excursion",
    lastDate(t),
    `${show(t, level)} (pain ${trial.meanPain.toFixed(1)}) is better than the MED; a clinician may set it as the MED`,
  );
}
