/**
 * Whether a change between two scores of the same instrument is clinically meaningful, by the
 * thresholds of the clinical reference (section 4):
 *
 * - pain ratings (0-10 NRS, and the BPI severity mean of 0-10 ratings): about 2 points or 30%
 *   (Farrar 2001); either criterion is enough for an improvement;
 * - BPI interference: 1 point;
 * - PROMIS T-scores (Global Physical and Mental Health, Physical Function; higher = better):
 *   2-6 T points. The reference gives a range, so the point within it is a clinic setting.
 *
 * Every result says which threshold was used and whether it is a clinic setting.
 */
import { invalidArgument } from "../errors.ts";
import { CLINICAL_REFERENCE_4, FARRAR_2001 } from "./sources.ts";

/** The scales this module judges. `promis-t` is for T-scores where higher is better. */
export type ChangeScale = "pain-nrs" | "bpi-severity" | "bpi-interference" | "promis-t";

/** Farrar 2001: a reduction of about 2 points on a 0-10 pain rating is clinically important. */
export const PAIN_POINTS = 2;
/** Farrar 2001: a reduction of about 30% from baseline is clinically important. */
export const PAIN_PERCENT = 30;
/** Clinical reference: 1 point on the BPI interference mean. */
export const BPI_INTERFERENCE_POINTS = 1;
/** Clinical reference: a meaningful PROMIS change lies between 2 and 6 T points. */
export const PROMIS_T_RANGE = Object.freeze({ min: 2, max: 6 });
/**
 * Clinic setting, default 5 T points: half the T-score SD of 10 (the half-SD rule of thumb,
 * Norman et al., Med Care 2003), inside the reference's 2-6 range.
 */
export const PROMIS_T_DEFAULT = 5;

/** Clinic settings for meaningful change. */
export interface ChangeSettings {
  /** T points for a meaningful PROMIS change; must lie within 2-6. */
  readonly promisTPoints?: number;
}

/** The threshold a judgement used, named so a screen can show it. */
export interface ChangeThreshold {
  readonly points: number;
  /** Percent of the baseline that also counts as meaningful improvement (pain only). */
  readonly percent: number | null;
  readonly description: string;
  readonly clinicSetting: boolean;
  readonly source: string;
}

/** A judgement of one pre/post pair. */
export interface ChangeAssessment {
  readonly scale: ChangeScale;
  readonly pre: number;
  readonly post: number;
  /** Signed so that positive is better (a fall in pain, a rise in a PROMIS T-score). */
  readonly improvement: number;
  /** Improvement as a percent of the baseline, for pain scales with a baseline above 0. */
  readonly percentImprovement: number | null;
  readonly direction: "better" | "worse" | "unchanged";
  readonly meaningful: boolean;
  readonly threshold: ChangeThreshold;
}

// Scores are means of whole numbers (5.1 - 3.1 = 1.9999999999999996 in floating point): compare
// with a tolerance far below any reported precision so a 2-point change counts as 2 points.
const EPSILON = 1e-9;

/**
 * Judges whether the change from `pre` to `post` is meaningful on `scale`. Throws
 * `invalid_argument` for a score out of the scale's range or a clinic setting outside 2-6.
 *
 * @example assessChange("pain-nrs", 6, 4).meaningful // true (2 points)
 * @example assessChange("promis-t", 40, 43, { promisTPoints: 3 }).meaningful // true (clinic setting 3)
 */
export function assessChange(
  scale: ChangeScale,
  pre: number,
  post: number,
  settings: ChangeSettings = {},
): ChangeAssessment {
  checkScore(scale, "pre", pre);
  checkScore(scale, "post", post);
  const improvement = scale === "promis-t" ? post - pre : pre - post;
  const threshold = thresholdFor(scale, settings);
  const percentImprovement = isPainScale(scale) && pre > 0 ? (improvement / pre) * 100 : null;
  return {
    scale,
    pre,
    post,
    improvement,
    percentImprovement,
    direction: improvement > 0 ? "better" : improvement < 0 ? "worse" : "unchanged",
    meaningful: isMeaningful(improvement, percentImprovement, threshold),
    threshold,
  };
}

function isPainScale(scale: ChangeScale): boolean {
  return scale === "pain-nrs" || scale === "bpi-severity";
}

function isMeaningful(improvement: number, percent: number | null, threshold: ChangeThreshold): boolean {
  if (Math.abs(improvement) >= threshold.points - EPSILON) return true;
  // The 30% criterion is Farrar's for improvement only; a worsening needs the point threshold.
  return (
    improvement > 0 &&
    threshold.percent !== null &&
    percent !== null &&
    percent >= threshold.percent - EPSILON
  );
}

function thresholdFor(scale: ChangeScale, settings: ChangeSettings): ChangeThreshold {
  switch (scale) {
    case "pain-nrs":
    case "bpi-severity":
      return {
        points: PAIN_POINTS,
        percent: PAIN_PERCENT,
        description: `improvement of ${PAIN_POINTS} points or ${PAIN_PERCENT}% of baseline; worsening of ${PAIN_POINTS} points`,
        clinicSetting: false,
        source: FARRAR_2001,
      };
    case "bpi-interference":
      return {
        points: BPI_INTERFERENCE_POINTS,
        percent: null,
        description: `${BPI_INTERFERENCE_POINTS} point on the interference mean`,
        clinicSetting: false,
        source: CLINICAL_REFERENCE_4,
      };
    case "promis-t":
      return promisThreshold(settings.promisTPoints);
  }
}

function promisThreshold(points: number | undefined): ChangeThreshold {
  const chosen = points ?? PROMIS_T_DEFAULT;
  if (!Number.isFinite(chosen) || chosen < PROMIS_T_RANGE.min || chosen > PROMIS_T_RANGE.max) {
    throw invalidArgument(
      "promisTPoints",
      points,
      `must be within the reference's ${PROMIS_T_RANGE.min}-${PROMIS_T_RANGE.max} T points`,
    );
  }
  return {
    points: chosen,
    percent: null,
    description: `${chosen} T points (clinic setting within ${PROMIS_T_RANGE.min}-${PROMIS_T_RANGE.max}${points === undefined ? ", default" : ""})`,
    clinicSetting: true,
    source: CLINICAL_REFERENCE_4,
  };
}

// Pain and BPI scores are on 0-10; PROMIS T-scores are reported on 0-100 at the widest.
function checkScore(scale: ChangeScale, field: "pre" | "post", value: number): void {
  const max = scale === "promis-t" ? 100 : 10;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
    throw invalidArgument(field, value, `must be a ${scale} score from 0 to ${max}`);
  }
}
