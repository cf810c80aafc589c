/**
 * Doses taken, checked against what was due (issue: a patient taking ten times the dose was
 * never noticed). Each day's doses are compared with the day's due total and with the
 * protocol's hard limits:
 * - more than due by the clinic's margin, above a hard limit, or a milligram amount on a
 *   microgram protocol: an alert for the clinician and a plain message for the patient; the
 *   day does not count toward any level, and the next dose follows the intended level;
 * - no dose taken for the clinic's number of days: the titration resumes a step lower;
 * - no diary for the clinic's number of days: an alert.
 */
import type { DiaryDay } from "../../diary/diary-day.ts";
import { takenUg } from "../../diary/diary-day.ts";
import { limitViolations } from "../../protocols/limits.ts";
import { DOSES_STOPPED_DAYS, DOSE_MARGIN_SHARE, UNIT_SLIP_FACTOR } from "../thresholds.ts";
import { show, type Titration } from "./titration.ts";

export type DoseVerdict =
  /** The day counts toward the level at `ug` (the intended total). */
  | { readonly kind: "counts"; readonly ug: number }
  /** Less than due: the day does not count (004's levels are days at the full dose). */
  | { readonly kind: "short" }
  /** No dose at all. */
  | { readonly kind: "none" }
  /** More than due or beyond a limit: alerted; the day does not count. */
  | { readonly kind: "over" };

/**
 * @example checkDoses(t, entry, 100) // { kind: "over" } for 1 mg taken on a 0.1 mg day
 */
export function checkDoses(t: Titration, entry: DiaryDay, dueUg: number): DoseVerdict {
  const taken = takenUg(entry);
  if (taken === 0) {
    t.journal.note(
      "dose-check",
      entry.date,
      `no dose taken (${show(t, dueUg)} due): a day without doses does not count toward the level`,
      { takenUg: 0, dueUg },
    );
    return { kind: "none" };
  }
  if (overdose(t, entry, taken, dueUg)) return { kind: "over" };
  if (taken < dueUg) {
    t.journal.note(
      "dose-check",
      entry.date,
      `${show(t, taken)} of ${show(t, dueUg)} taken: a day with missed doses does not count toward the level`,
      { takenUg: taken, dueUg },
    );
    return { kind: "short" };
  }
  // Within the margin above due (a dose taken twice by mistake, say): counted at the intended level.
  return { kind: "counts", ug: dueUg > 0 ? dueUg : taken };
}

function overdose(t: Titration, entry: DiaryDay, taken: number, dueUg: number): boolean {
  const protocol = t.plan.protocol;
  const slip =
    protocol.unit === "mcg" &&
    entry.doses.some((d) => d.ug >= UNIT_SLIP_FACTOR * Math.max(1, protocol.limits.maxPerDoseUg));
  const broken = limitViolations(protocol, { totalUg: taken, doses: entry.doses }).filter(
    (v) => v.limit !== "total",
  );
  const margin = Math.max(t.granularityUg, Math.round(DOSE_MARGIN_SHARE * dueUg));
  const aboveDue = dueUg > 0 && taken > dueUg + margin;
  if (!slip && broken.length === 0 && !aboveDue) return false;
  const due = dueUg > 0 ? show(t, dueUg) : "no dose";
  const patient =
    `You recorded ${show(t, taken)} of LDN on ${entry.date}; your dose that day was ${due}. ` +
    "Take only the doses on your schedule, never extra to catch up. If you feel unwell, call the clinic.";
  if (slip) {
    t.journal.alert(
      "dose-unit-slip",
      entry.date,
      `${show(t, taken)} recorded on a microgram protocol (due ${due}): a dose of ${UNIT_SLIP_FACTOR} times the per-dose limit looks like milligrams taken for micrograms (clinical reference 3: a 1000-fold slip stays under the 50 mg label maximum); check what was taken`,
      patient,
    );
  } else if (broken.length > 0) {
    t.journal.alert(
      "dose-above-limit",
      entry.date,
      `${show(t, taken)} taken (due ${due}): ${broken.map((b) => b.message).join("; ")}`,
      patient,
    );
  } else {
    t.journal.alert(
      "dose-above-due",
      entry.date,
      `${show(t, taken)} taken against ${due} due, more than the ${Math.round(DOSE_MARGIN_SHARE * 100)}% margin (clinic setting); the day does not count and the next dose follows the intended level`,
      patient,
    );
  }
  t.journal.event(
    "dose-check",
    entry.date,
    `${show(t, taken)} taken against ${due} due: not counted toward any level; the next doses follow the plan, not this amount`,
    { takenUg: taken, dueUg },
  );
  return true;
}

/**
 * Counts days with no dose; after the clinic's number of them, a titration resumes one step
 * lower (the body has been off LDN; the step it had reached is not assumed). Returns true
 * when the step down was made today.
 */
export function countUndosed(t: Titration, entry: DiaryDay, verdict: DoseVerdict): boolean {
  const s = t.s;
  s.undosedDays = verdict.kind === "none" ? s.undosedDays + 1 : 0;
  if (s.undosedDays !== DOSES_STOPPED_DAYS) return false;
  const titrating = s.state === "titrating" || s.state === "window";
  const step = t.rules.kind === "ascending" ? t.rules.stepUg : 0;
  const lower = titrating && step > 0 && s.currentUg > step ? s.currentUg - step : s.currentUg;
  const resume = lower > 0 ? lower : s.targetUg;
  const message =
    `no dose taken for ${DOSES_STOPPED_DAYS} days (clinic setting)` +
    (titrating && lower !== s.currentUg
      ? `: the titration resumes one step lower, at ${show(t, resume)} a day, not above the last dose`
      : `: resume ${show(t, resume)} a day`);
  t.journal.alert(
    "doses-stopped",
    entry.date,
    message,
    `You have not taken LDN for ${DOSES_STOPPED_DAYS} days. Start again at ${show(t, resume)} a day as your schedule now shows, and tell the clinic if something made you stop.`,
  );
  t.journal.event("missed-doses", entry.date, message, { resumeUg: resume });
  if (titrating && lower !== s.currentUg && lower > 0) {
    s.targetUg = lower;
    // The levels from the resumed one up are walked again, each for its days.
    s.path = s.path.filter((ug) => ug < lower);
    if (s.window && s.window.index >= s.path.length) s.window = null;
    if (s.state === "window" && !s.window) s.state = "titrating";
  }
  return true;
}
