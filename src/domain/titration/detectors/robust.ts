/**
 * The robust detector (this project's design). Day-to-day pain wanders by 1-2 points
 * (clinical reference 4), so two days at one level say little. For small steps (0.1 mg
 * levels of 2 days, micro-adjustments) it is the statistical detector (`statistical.ts`):
 * the patient's own noise with autocorrelation, a change-point scan with a false-alarm rate
 * over the whole titration, pain with mood, energy and clarity, and a MED settled on harm or
 * a plateau. Levels held a week or more are judged on their own means (`robust-steps.ts`),
 * and a dose held for weeks (fixed protocols) by its drop against the patient's own scatter.
 */
import { STATISTICAL_DEFAULTS, ROBUST_DEFAULTS, type RobustSettings } from "../thresholds.ts";
import type { Detector } from "./detector.ts";
import { createStepDetector } from "./robust-steps.ts";
import { createStatisticalParts } from "./statistical.ts";
import type { StatisticalSettings } from "./statistical-settings.ts";
import { dropVerdict, hormesisVerdict, respondsVerdict } from "./verdicts.ts";

/**
 * Builds a robust detector with the given design settings (the defaults unless a bench tries others).
 *
 * @example createRobustDetector().name // "robust"
 */
export function createRobustDetector(
  settings: RobustSettings = ROBUST_DEFAULTS,
  statistical: StatisticalSettings = STATISTICAL_DEFAULTS,
): Detector {
  const detector: Detector = {
    name: "robust",
    ...createStatisticalParts(statistical),

    hormesis(stats, path, medUg, baseline) {
      const med = stats.summary(medUg);
      return hormesisVerdict(stats, path, medUg, med?.meanPain ?? baseline.mean, baseline.mean);
    },

    responds(stats, ug, baseline) {
      return respondsVerdict(stats, ug, baseline, settings);
    },

    clearResponse(stats, ug, baseline) {
      const { yes, reason } = dropVerdict(stats, ug, baseline, settings, settings.earlyResponseZ);
      return { yes, reason };
    },

    forProtocol(rules) {
      return rules.kind === "ascending" && rules.daysPerLevel >= settings.ownMeanDays
        ? createStepDetector(settings)
        : detector;
    },
  };
  return detector;
}

/** The robust detector with its default design settings. */
export const robustDetector: Detector = createRobustDetector();
