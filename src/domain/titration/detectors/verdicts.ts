/** Verdicts the robust detector gives the same way whatever the protocol's steps. */
import { formatDose } from "../../dose.ts";
import type { LevelStats } from "../level-stats.ts";
import { PAIN_MCID_POINTS, type RobustSettings } from "../thresholds.ts";
import type { Baseline, Verdict } from "./detector.ts";
import { againstBaseline, pain, standardErrors } from "./describe.ts";
import { differenceSe, noiseSd } from "./noise.ts";

/**
 * Pools the levels above the MED: hormesis when they are worse than the MED by Farrar's
 * 2 points or worse than before LDN (004).
 */
export function hormesisVerdict(
  stats: LevelStats,
  path: readonly number[],
  medUg: number,
  medMean: number,
  baselineMean: number,
): Verdict {
  const pooled = stats.pooledMean(path.filter((ug) => ug > medUg));
  if (!pooled || pooled.n < 2) return { yes: false, reason: "too few days above the MED to judge hormesis" };
  const yes = pooled.mean >= medMean + PAIN_MCID_POINTS || pooled.mean > baselineMean;
  return {
    yes,
    reason: yes
      ? `hormesis: doses above the MED averaged pain ${pain(pooled.mean)} over ${pooled.n} days against ${pain(medMean)} at ${formatDose(medUg)} (baseline ${pain(baselineMean)}; worse by ${PAIN_MCID_POINTS}+ points (Farrar 2001) or worse than before LDN (004))`
      : `doses above the MED averaged pain ${pain(pooled.mean)} against ${pain(medMean)} at the MED: not clearly worse`,
  };
}

/**
 * A dose held for weeks works when its mean pain is below baseline by more than
 * `zScore` standard errors of the difference, the standard error from the patient's own
 * day-to-day scatter: weeks of ratings make a small steady drop convincing, and a patient
 * whose ratings never wander needs no margin at all.
 */
export function dropVerdict(
  stats: LevelStats,
  ug: number,
  baseline: Baseline,
  settings: RobustSettings,
  zScore: number,
): Verdict & { readonly needed: number } {
  const l = stats.summary(ug);
  if (!l) return { yes: false, needed: Infinity, reason: `no diary days at ${formatDose(ug)}` };
  const sd = noiseSd(stats, baseline, settings);
  const needed = zScore * differenceSe(sd, baseline.days, l.n);
  const yes = baseline.mean - l.meanPain > needed;
  return {
    yes,
    needed,
    reason:
      `${formatDose(ug)}: pain ${pain(l.meanPain)} over ${l.n} days, ${againstBaseline(l.meanPain, baseline.mean)} over ${baseline.days} days; ` +
      `more than ${pain(needed)} below is needed (design setting: ${standardErrors(zScore)} of the difference, day-to-day SD ${pain(sd)} from the patient's own ratings)`,
  };
}

/** The robust answer to "does a dose held for an assessment period work?". */
export function respondsVerdict(
  stats: LevelStats,
  ug: number,
  baseline: Baseline,
  settings: RobustSettings,
): Verdict {
  const { yes, reason } = dropVerdict(stats, ug, baseline, settings, settings.responseZ);
  return { yes, reason };
}
