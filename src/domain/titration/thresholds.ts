/**
 * Every number the titration engine decides with, in one place, each naming its source.
 * Numbers the sources do not give are clinic or design settings and say so; the robust
 * detector's numbers are this project's design, chosen and checked with `ldn simulate`
 * (see bench/simulate.ts), not published facts.
 */

import type { StatisticalSettings } from "./detectors/statistical-settings.ts";

/** 004: 2 successive increases with no additional improvement, then go back. */
export const LITERAL_INCREASES_WITHOUT_IMPROVEMENT = 2;

/** Farrar 2001 (clinical reference 4): about 2 points on the pain NRS is a meaningful change. */
export const PAIN_MCID_POINTS = 2;

/**
 * The robust detector's design settings (this project's design, not published facts;
 * chosen by running `npx tsx bench/simulate.ts`, where the alternatives tried are listed).
 */
export interface RobustSettings {
  /**
   * A dose held for a whole assessment period (fixed protocols) works when pain (with mood,
   * energy and clarity, when rated) improves on baseline by more than this many standard
   * errors of the difference, the standard error from the patient's own day-to-day scatter.
   */
  readonly responseZ: number;
  /**
   * At the 2-week look (`EARLY_LOOK_DAYS`) a dose held for a longer assessment period is
   * settled early when its improvement exceeds this many standard errors: a clear response
   * needs no more weeks, and every week on the bench adds drop-out.
   */
  readonly earlyResponseZ: number;
  /** Day-to-day SD assumed until the patient's own scatter rests on at least `minScatterDf` degrees of freedom. */
  readonly assumedNoiseSd: number;
  readonly minScatterDf: number;
}

export const ROBUST_DEFAULTS: RobustSettings = Object.freeze({
  // Fixed doses (the realistic bench, seeds 1-3, 2,000 patients): any margin above baseline
  // costs a few responders the literal rule keeps, because the dose cannot move and the 3
  // baseline days are the noise that matters. 0.25 standard errors kept every protocol's
  // MED found at or above literal's and still stopped more non-responders.
  responseZ: 0.25,
  // 2 standard errors: only a clear response ends the assessment at 2 weeks.
  earlyResponseZ: 2,
  // Clinical reference 4: ratings wander by a point or two; used only until the diary
  // holds 5 degrees of freedom of the patient's own scatter (a few days).
  assumedNoiseSd: 1.5,
  minScatterDf: 5,
});

/**
 * The statistical detector's design settings (0.1 mg levels and micro-adjustments). The
 * window threshold comes from a false-alarm rate, calibrated by `bench/calibrate-window.ts`
 * on patients with no response; the sizes are clinical ones with their sources.
 */
export const STATISTICAL_DEFAULTS: StatisticalSettings = Object.freeze({
  // `npx tsx bench/calibrate-window.ts` (1,000 non-responders each, 3 baseline days), share
  // ever given a window at SD 1 with autocorrelation 0 / 0.3 / 0.5, SD 1.5 at 0.5:
  //   3.5: 3.1% / 8.6% / 15.1%, 23.6%;  4: 0.7% / 2.5% / 6.1%, 11.5% (pain only: 1.3% / 3.3% / 6.1%, 8.0%).
  // 4 is the lowest tried that keeps the condition (SD 1) under 5% up to 0.3 and
  // under 10% up to 0.5; every step up costs responders whose window is small.
  windowZ: 4,
  // `npx tsx bench/engine-stress.ts`: noise with heavy tails (t, 3 degrees of freedom, SD 1) gave
  // a window on one level's 2 good days to 14.5% of non-responders; 2 more standard errors on
  // fewer than 4 days took that to 6.0% and cost no responder's score anywhere (the judged
  // bench: 0.864 and 0.857 at autocorrelation 0.3, as before; noise-free 0.960 and 0.964).
  // Waiting for 4 days in all cases missed a window one level wide (004's idiosyncratic doses).
  minWindowDays: 4,
  shortWindowMarginZ: 2,
  // Clinical reference 4: the BPI's minimal important change is 1 point; the same for the
  // 0-10 wellbeing ratings (design setting: no published figure for them).
  minEffect: { pain: 1, wellbeing: 1, combined: 1 },
  // Clinical reference 4: ratings wander by "a point or two"; bad days come in runs. The
  // prior weighs as 3 days of the patient's own scatter and 10 pairs of their own runs.
  priors: {
    pain: { sd: 1.2, sdWeight: 2, rho: 0.3, rhoWeight: 10 },
    wellbeing: { sd: 1.2, sdWeight: 2, rho: 0.3, rhoWeight: 10 },
    combined: { sd: 1.2, sdWeight: 2, rho: 0.3, rhoWeight: 10 },
  },
  smoothingHalfWidth: 2,
  harmZ: 3,
  plateauZ: 1.64,
  // Clinical reference 4: 1 point (BPI minimal change) is the least "additional improvement" worth going on for.
  plateauMargin: { pain: 0, wellbeing: 0, combined: 0 },
  // 004: "2 successive dose increases" without improvement.
  minPlateauLevels: 2,
  maxPatienceDays: 20,
});

/**
 * Clinic setting: GI upset holds the titration "until the discomfort no longer occurred"
 * (004); this many recorded days in a row without it count as settled.
 */
export const GI_SETTLED_DAYS = 2;

/**
 * Clinic setting: sleep problems "persisted" (004) when reported again at least this many
 * days after the last change of dose times.
 */
export const SLEEP_PERSIST_DAYS = 2;

/** 004: the last dose of the day no later than 4 PM. */
export const SLEEP_FIRST_CUTOFF = "16:00";

/** Clinic setting: 004 says "earlier" without an hour; 2 PM halves the way to noon. */
export const SLEEP_SECOND_CUTOFF = "14:00";

/** 004: two study patients took all their LDN by noon. */
export const SLEEP_MORNING_CUTOFF = "12:00";

/**
 * Clinic setting: after the MED, each consolidation to fewer doses a day (004: three, two,
 * once a day "if tolerated and works as well") is tried for this many recorded days.
 */
export const CONSOLIDATION_TRIAL_DAYS = 7;

/**
 * Clinic setting: a consolidation "works as well" (004) when the trial's mean pain is no
 * more than this many points above the MED's; half of Farrar's 2-point change.
 */
export const CONSOLIDATION_TOLERANCE_POINTS = 1;

/**
 * Clinic setting: fixed-then-micro-adjust probes each 0.1 mg step for this many recorded
 * days, as each micro-titration level is held 2 days (004).
 */
export const MICRO_ADJUST_DAYS_PER_STEP = 2;

/**
 * 003: judge a fixed dose's effect "after 2-4 weeks": the first look is at 2 weeks. Only a
 * detector that offers an early verdict (the robust one, for a clear response) uses it.
 */
export const EARLY_LOOK_DAYS = 14;

/** 003: "reduce (e.g. to 3 mg) for tolerability" from 4.5 mg: a 1.5 mg reduction. */
export const TOLERABILITY_REDUCTION_UG = 1500;

/**
 * Clinic setting: a day's total more than this share above the day's due total (and at
 * least one dose unit above) is an overdose alert, and the day does not count toward any
 * level (the issue: 1 mg taken on a 0.1 mg day moved the titration to 1.1 mg).
 */
export const DOSE_MARGIN_SHARE = 0.25;

/**
 * Design setting: on a microgram protocol, a dose this many times the per-dose limit reads
 * as milligrams taken for micrograms (clinical reference 3: the 1000-fold slip). 100 is two
 * orders of magnitude: beyond any titration step, well inside a 1000-fold slip.
 */
export const UNIT_SLIP_FACTOR = 100;

/**
 * Clinic setting: diary days in a row recording no dose taken before the titration resumes
 * one step lower and the clinician is told (the issue: it resumed one level above the last
 * dose without comment).
 */
export const DOSES_STOPPED_DAYS = 3;

/** Clinic setting: days in a row without a diary entry before the clinician is told. */
export const DIARY_SILENT_DAYS = 4;

/**
 * Clinic setting: GI upset held for this many days without settling goes to a clinician
 * (004 holds "until the discomfort no longer occurred" and gives no limit).
 */
export const GI_UNSETTLED_ALERT_DAYS = 7;

/** Clinic setting: an alert raised on a day stays on the dashboard this many days. */
export const ALERT_RECENT_DAYS = 14;

/**
 * 003 and 000: an effect shows in 2-4 weeks; in maintenance the last 2 weeks at the MED are
 * compared with the days that set it (clinic setting: 14 days).
 */
export const FADE_LOOK_DAYS = 14;

/** Clinic setting: "fading" means losing at least half the benefit over baseline ... */
export const FADE_SHARE = 0.5;

/** ... by at least this many standard errors of the patient's own scatter (design setting). */
export const FADE_Z = 2;

/** Design setting: the day-to-day SD assumed at least this large (whole-number ratings). */
export const FADE_MIN_SD = 0.5;

/** Design setting: day-to-day autocorrelation assumed for the fading check (as the detector's prior). */
export const FADE_RHO = 0.3;
