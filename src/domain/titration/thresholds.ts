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
 * The robust detector's design settings (this project's design, not published facts;
 * chosen by running `npx tsx bench/simulate.ts`, where the alternatives tried are listed).
 */
export interface RobustSettings {
  /** Window entry needs a drop of at least this many points (clinical reference 4: BPI 1 point, NRS about 2) ... */
  readonly windowDropPoints: number;
  /** ... and at least this share of baseline (IMMPACT: 10-20% is a minimal change). */
  readonly windowDropShare: number;
  /**
   * A dose held for a whole assessment period (fixed protocols) works when pain drops by at
   * least this many points and `windowDropShare` of baseline: one test on weeks of data
   * needs less margin than 60 levels of two days each (the BPI's 1-point minimal change).
   */
  readonly responseDropPoints: number;
  /** Adjacent levels are pooled until a level's value rests on at least this many days (day-to-day noise of 1-2 points). */
  readonly minDaysPerPoint: number;
  /** At most this many neighbours on each side are pooled. */
  readonly maxNeighbours: number;
  /** The MED is settled only after this many days past the best with no new best ... */
  readonly patienceDays: number;
  /** ... spread over at least this many levels (004's "2 successive increases"). */
  readonly patienceLevels: number;
  /** A new best must be lower by at least this many points. */
  readonly newBestMargin: number;
  /** The MED is the lowest dose within this many points of the best ("no additional improvement", 004). */
  readonly plateauTolerance: number;
}

export const ROBUST_DEFAULTS: RobustSettings = Object.freeze({
  // 1.5 points: between the BPI's 1-point minimal change and Farrar's 2 points; with 1 point,
  // noise alone opened the window for most non-responders over 60 levels (bench/simulate.ts).
  windowDropPoints: 1.5,
  windowDropShare: 0.15,
  responseDropPoints: 1,
  minDaysPerPoint: 6,
  maxNeighbours: 2,
  // 16 days (8 levels of 0.1 mg): shorter patience settled on noise dips (8 days: MED found
  // for 40% of noisy responders against 44% with 16), longer added days for little gain.
  patienceDays: 16,
  patienceLevels: 2,
  newBestMargin: 0.25,
  plateauTolerance: 0.25,
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

/** 003: "reduce (e.g. to 3 mg) for tolerability" from 4.5 mg: a 1.5 mg reduction. */
export const TOLERABILITY_REDUCTION_UG = 1500;
