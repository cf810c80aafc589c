/**
 * A protocol change the engine does not make, tried on the stress bench so the clinical lead
 * can weigh it (`bench/engine-stress.ts --confirm-break <days>`): before a MED is settled,
 * the patient takes a break from LDN for `days` days, then takes the MED again for `days`
 * days (dechallenge, then rechallenge). The MED stands when the diary is better back on the
 * MED than during the break; otherwise the titration stops with no MED.
 *
 * Why a break tells what the window scan cannot: in an ascending titration dose and time
 * rise together, so ratings that drift or wander pass for a window. Off the drug a
 * responder's benefit goes (004: at 1.0 mg pain was worse than before LDN, and back at
 * 0.7 mg "the effect returned", within days); a drift does not follow the dose.
 *
 * The comparison is this bench's own, kept simple: the even mean of (mood, energy, clarity)
 * and of minus pain (pain alone when the diary has no wellbeing), the mean back on the MED
 * against the mean during the break, over a standard error from the scatter of those days
 * (at least 0.5 a day), with the judged bench's autocorrelation of 0.3 for the runs of days.
 * Built into the engine it would use the patient's own noise model.
 */
import { wellbeingOf, type DayRatings } from "../src/domain/simulation/diary-rater.ts";
import { mean, sampleVariance } from "../src/domain/stats/moments.ts";
import type { JudgedEngine } from "../src/domain/simulation/run-judged-patient.ts";
import { meanVarianceFactor } from "../src/domain/titration/detectors/noise-model.ts";

export interface ConfirmBreak {
  /** Days off LDN, then as many days back on the MED. */
  readonly days: number;
  /** Standard errors by which the days back on the MED must beat the break. */
  readonly z: number;
  /** The daily total during the break: 0 (off LDN), or a low level such as the first, 100. */
  readonly breakUg: number;
}

/** The judged bench's autocorrelation, used for the runs of days in the break's standard error. */
const ASSUMED_RHO = 0.3;
/** A day-to-day SD below this is not believed from so few days (whole-number ratings). */
const MIN_SD = 0.5;

/**
 * `engine` as the judge sees it, with the break run by this wrapper once the engine says
 * "med": the days off and back on are rated by `rate` (which also logs them) and never
 * reach the engine.
 *
 * @example withConfirmBreak(machine, { days: 4, z: 0.75, breakUg: 0 }, (ug) => rater.rate(ug, ug), false)
 */
export function withConfirmBreak(
  engine: JudgedEngine,
  trial: ConfirmBreak,
  rate: (ug: number) => DayRatings,
  painOnly: boolean,
): JudgedEngine {
  let phase: "titrating" | "off" | "on" | "done" = "titrating";
  let verdict: "med" | "stopped" = "med";
  let medUg = 0;
  const off: number[] = [];
  const on: number[] = [];
  const score = (r: DayRatings) => (painOnly ? -r.pain : (wellbeingOf(r) - r.pain) / 2);
  return {
    readDay(entry) {
      if (phase === "titrating") return engine.readDay(entry);
      if (phase === "done") return;
      const days = phase === "off" ? off : on;
      days.push(score(rate(phase === "off" ? trial.breakUg : medUg)));
      if (days.length < trial.days) return;
      if (phase === "off") phase = "on";
      else [phase, verdict] = ["done", backOnIsBetter(off, on, trial) ? "med" : "stopped"];
    },
    next: () => engine.next(),
    get currentState() {
      if (phase === "done") return verdict;
      if (phase !== "titrating") return "titrating";
      const state = engine.currentState;
      if (state !== "med") return state;
      medUg = engine.assessment().medUg!;
      phase = "off";
      return "titrating";
    },
    assessment: () => engine.assessment(),
  };
}

function backOnIsBetter(off: readonly number[], on: readonly number[], trial: ConfirmBreak): boolean {
  // Pooled within the break and the days back on the MED.
  const ss = (xs: readonly number[]) => (xs.length - 1) * sampleVariance(xs);
  const sd = Math.max(MIN_SD, Math.sqrt((ss(off) + ss(on)) / (off.length + on.length - 2)));
  const se = sd * Math.sqrt(2 * meanVarianceFactor(trial.days, ASSUMED_RHO));
  return (mean(on) - mean(off)) / se >= trial.z;
}
