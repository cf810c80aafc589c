/**
 * What issue 11 asks of the titration engine on the judged bench (`run-judged.ts`); the
 * conditions it is judged in are in `judged-settings.ts`. The goals are this project's acceptance targets (design
 * settings set in issue 11), not clinical facts.
 */
import type { Judgement } from "./summarise-judgement.ts";

export interface JudgingGoal {
  /** Lowest acceptable mean score over responders. */
  readonly minScore: number;
  /** Highest acceptable share of non-responders given a MED. */
  readonly maxNonResponderMedShare: number;
}

/** Design setting (issue 11): at noise SD 1 with 3 baseline days, a score of at least 0.85 and at most 10% of non-responders given a MED. */
export const NOISY_GOAL: JudgingGoal = { minScore: 0.85, maxNonResponderMedShare: 0.1 };

/** Design setting (issue 11): noise-free, a score of at least 0.95 and no non-responder given a MED. */
export const NOISE_FREE_GOAL: JudgingGoal = { minScore: 0.95, maxNonResponderMedShare: 0 };

/**
 * True when a judgement reaches the goal.
 *
 * @example meetsGoal({ ...judgement, score: 0.9, nonResponderMedShare: 0.05 }, NOISY_GOAL) // true
 */
export function meetsGoal(judgement: Judgement, goal: JudgingGoal): boolean {
  return (
    judgement.score !== null &&
    judgement.score >= goal.minScore &&
    (judgement.nonResponderMedShare ?? 0) <= goal.maxNonResponderMedShare
  );
}

/**
 * True when a judgement is no worse than a reference one on the same patients: a score at
 * least as high and no larger share of non-responders given a MED (issue 11: "on every
 * protocol no worse than `literal`").
 *
 * @example noWorseThan(robust, literal) // true
 */
export function noWorseThan(judgement: Judgement, reference: Judgement): boolean {
  return (
    (judgement.score ?? 0) >= (reference.score ?? 0) &&
    (judgement.nonResponderMedShare ?? 0) <= (reference.nonResponderMedShare ?? 0)
  );
}
