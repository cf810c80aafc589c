/**
 * Every number the titration engine decides with, in one place, each naming its source.
 * Numbers the sources do not give are clinic or design settings and say so; the robust
 * detector's numbers are this project's design, chosen and checked with `ldn simulate`
 * (see bench/simulate.ts), not published facts.
 */

/** 004: 2 successive increases with no additional improvement, then go back. */
export const LITERAL_INCREASES_WITHOUT_IMPROVEMENT = 2;

/** Farrar 2001 (clinical reference 4): about 2 points on the pain NRS is a meaningful change. */
export const PAIN_MCID_POINTS = 2;

/**
 * Window entry for the robust detector: a drop of at least 1 point (the BPI's 1-point
 * minimal change, clinical reference 4) and at least 15% of baseline (IMMPACT: 10-20% is
 * minimal, 15% the middle). Design setting.
 */
export const ROBUST_WINDOW_MIN_DROP_POINTS = 1;
export const ROBUST_WINDOW_MIN_DROP_SHARE = 0.15;

/**
 * Design setting: the robust detector pools each level with this many neighbours on each
 * side (a running mean over adjacent levels), so a level's value rests on about 6 diary
 * days instead of 2. Day-to-day pain wanders by 1-2 points (clinical reference 4).
 */
export const ROBUST_SMOOTHING_NEIGHBOURS = 1;

/**
 * Design setting: the robust detector settles the MED only after this many levels in a row
 * bring no new best (by at least ROBUST_NEW_BEST_MARGIN), twice the literal 2, because one
 * noisy pair of days can hide a real improvement.
 */
export const ROBUST_PATIENCE_LEVELS = 4;

/** Design setting: a new best must be lower by at least this many points to reset patience. */
export const ROBUST_NEW_BEST_MARGIN = 0.25;

/**
 * Design setting: the MED is the lowest dose whose smoothed pain is within this many
 * points of the best: above it there is "no additional improvement" worth the dose (004).
 */
export const ROBUST_PLATEAU_TOLERANCE = 0.25;

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

/** 003: "reduce (e.g. to 3 mg) for tolerability" from 4.5 mg: a 1.5 mg reduction. */
export const TOLERABILITY_REDUCTION_UG = 1500;
