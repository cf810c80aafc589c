/**
 * The robust detector on step protocols: few, large levels each held a week or more
 * (conventional titration's 1.5 mg steps every 14 days, 001; Bruun-Plesner's 0.75 mg steps,
 * 14 days each by clinic setting). Each level already rests on many days, so it is judged on
 * its own mean (smoothing over neighbours 0.75-1.5 mg away would blur the very differences
 * sought), and every comparison is measured in standard errors of the patient's own
 * day-to-day scatter (see `noise.ts`), not in fixed points:
 * - window: the level's mean is below baseline by more than `stepWindowZ` standard errors;
 * - MED: 004's rule on level means: after 2 successive increases without a new best (lower
 *   by more than `stepNewBestZ` standard errors), go back; the MED is the lowest level
 *   within `stepPlateauZ` standard errors of the best ("no additional improvement", 004).
 *   Above the MED the benefit fades slowly in many patients, so the level above the best
 *   is often within noise of it; the lowest such level is the one 004 asks for.
 * A patient whose ratings never wander has a standard error of 0: then any drop counts,
 * as in the literal rule.
 */
import type { LevelStats, LevelSummary } from "../level-stats.ts";
import { LITERAL_INCREASES_WITHOUT_IMPROVEMENT, type RobustSettings } from "../thresholds.ts";
import type { Baseline, Detector, MedVerdict } from "./detector.ts";
import { level, pain, standardErrors } from "./describe.ts";
import { differenceSe, noiseSd } from "./noise.ts";
import { dropVerdict, hormesisVerdict, respondsVerdict } from "./verdicts.ts";

/**
 * @example createStepDetector(ROBUST_DEFAULTS).name // "robust"
 */
export function createStepDetector(settings: RobustSettings): Detector {
  // The scatter is read once per question from every level seen (the baseline's own
  // scatter needs the baseline, which `med` and `best` are not given: levels suffice there).
  const sdOf = (stats: LevelStats) =>
    noiseSd(stats, { mean: 0, days: 0, ss: 0, pains: [], wellbeing: [] }, settings);
  const within = (stats: LevelStats, a: LevelSummary, b: LevelSummary, z: number) =>
    z * differenceSe(sdOf(stats), a.n, b.n);

  /** The lowest level within `stepPlateauZ` standard errors of the best. */
  const plateau = (stats: LevelStats, levels: readonly LevelSummary[]) => {
    const best = levels.reduce((a, b) => (b.meanPain < a.meanPain ? b : a));
    const chosen = levels
      .filter((l) => l.meanPain <= best.meanPain + within(stats, l, best, settings.stepPlateauZ))
      .reduce((a, b) => (b.ug < a.ug ? b : a));
    return { best, chosen };
  };
  const plateauReason = (stats: LevelStats, best: LevelSummary, chosen: LevelSummary) =>
    chosen === best
      ? `MED ${level(chosen.ug, chosen.meanPain, chosen.n)}: the best level`
      : `MED ${level(chosen.ug, chosen.meanPain, chosen.n)}: the lowest level within ${pain(within(stats, chosen, best, settings.stepPlateauZ))} ` +
        `of the best, ${level(best.ug, best.meanPain, best.n)} (design setting: ${standardErrors(settings.stepPlateauZ)} of the patient's day-to-day scatter)`;

  return {
    name: "robust",

    windowEntry(baseline: Baseline, stats, path) {
      const last = path.at(-1)!;
      const verdict = dropVerdict(stats, last, baseline, settings, settings.stepWindowZ);
      return {
        entered: verdict.yes,
        atUg: last,
        reason: `${verdict.reason}; the window needs that drop (levels of ${settings.ownMeanDays}+ days judged on their own mean)`,
      };
    },

    med(stats, path): MedVerdict {
      const levels = stats.summaries(path);
      let best = levels[0]!;
      let without: LevelSummary[] = [];
      for (const l of levels.slice(1)) {
        if (l.meanPain < best.meanPain - within(stats, l, best, settings.stepNewBestZ)) {
          best = l;
          without = [];
        } else {
          without.push(l);
        }
      }
      if (without.length < LITERAL_INCREASES_WITHOUT_IMPROVEMENT) {
        return {
          medUg: null,
          reason: `best so far ${level(best.ug, best.meanPain, best.n)}; ${without.length} of ${LITERAL_INCREASES_WITHOUT_IMPROVEMENT} increases without a new best`,
        };
      }
      const { best: lowest, chosen } = plateau(stats, levels);
      const tried = without.map((w) => level(w.ug, w.meanPain, w.n)).join(" and ");
      return {
        medUg: chosen.ug,
        reason: `${tried} brought no new best over ${level(best.ug, best.meanPain, best.n)} (004: 2 successive increases without improvement); ${plateauReason(stats, lowest, chosen)}`,
      };
    },

    best(stats, path) {
      const { best, chosen } = plateau(stats, stats.summaries(path));
      return { medUg: chosen.ug, reason: `best level tried: ${plateauReason(stats, best, chosen)}` };
    },

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
  };
}
