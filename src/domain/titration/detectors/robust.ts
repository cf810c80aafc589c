/**
 * The robust detector (this project's design). Day-to-day pain wanders by 1-2 points
 * (clinical reference 4), so two days at one level say little. Every ascending protocol is
 * judged by the statistical detector (`statistical.ts`): the patient's own noise with
 * autocorrelation, a change-point scan with a false-alarm rate over the whole titration (its
 * threshold scaled to the protocol's number of levels), pain with mood, energy and clarity,
 * and a MED settled on harm or on a decline. A dose held for weeks (fixed protocols) works
 * when pain with mood, energy and clarity improves beyond the patient's own noise.
 */
import { STATISTICAL_DEFAULTS, ROBUST_DEFAULTS, type RobustSettings } from "../thresholds.ts";
import type { Detector } from "./detector.ts";
import { createStatisticalParts, respondsTogether } from "./statistical.ts";
import type { StatisticalSettings } from "./statistical-settings.ts";
import { dropVerdict, hormesisVerdict, respondsVerdict } from "./verdicts.ts";
import { normalQuantile, normalSf } from "../../stats/normal-distribution.ts";

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
      return (
        respondsTogether(stats, ug, baseline, statistical, settings.responseZ) ??
        respondsVerdict(stats, ug, baseline, settings)
      );
    },

    clearResponse(stats, ug, baseline) {
      const together = respondsTogether(stats, ug, baseline, statistical, settings.earlyResponseZ);
      if (together) return together;
      const { yes, reason } = dropVerdict(stats, ug, baseline, settings, settings.earlyResponseZ);
      return { yes, reason };
    },

    forProtocol(rules) {
      if (rules.kind !== "ascending") return detector;
      const levels = Math.max(1, Math.round((rules.maxUg - rules.startUg) / rules.stepUg) + 1);
      const z = windowZFor(statistical.windowZ, levels);
      return z === statistical.windowZ
        ? detector
        : createRobustDetector(settings, { ...statistical, windowZ: z });
    },
  };
  return detector;
}

/** Levels of 004's micro-titration (0.1 to 6 mg): the titration `windowZ` is calibrated for. */
const CALIBRATED_LEVELS = 60;

/**
 * The window threshold for a protocol of `levels` levels. The scan makes one test per
 * possible start at each look, levels x (levels + 1) / 2 in a whole titration; the same
 * false-alarm budget spread over fewer tests allows a lower threshold (Bonferroni's
 * scaling of the calibrated tail probability), so a 4-level conventional titration is not
 * held to a 60-level micro-titration's bar.
 *
 * @example windowZFor(4, 60) // 4
 * @example windowZFor(4, 4) // about 2.4
 */
export function windowZFor(calibratedZ: number, levels: number): number {
  if (levels >= CALIBRATED_LEVELS) return calibratedZ;
  const tests = (n: number) => (n * (n + 1)) / 2;
  const tail = normalSf(calibratedZ) * (tests(CALIBRATED_LEVELS) / tests(levels));
  return normalQuantile(1 - Math.min(0.5, tail));
}

/** The robust detector with its default design settings. */
export const robustDetector: Detector = createRobustDetector();
