/**
 * The literal detector: 004's rule applied to each level's own days, with no allowance for
 * noise. Window: a level's mean pain is below the baseline mean ("diminished pain", 004).
 * MED: after 2 successive increases with no additional improvement (neither level's mean
 * below the best so far), the dose before them (004, "Establishing the MED").
 */
import { formatDose } from "../../dose.ts";
import type { LevelSummary } from "../level-stats.ts";
import { LITERAL_INCREASES_WITHOUT_IMPROVEMENT, PAIN_MCID_POINTS } from "../thresholds.ts";
import type { Detector } from "./detector.ts";
import { level, pain } from "./describe.ts";

export const literalDetector: Detector = {
  name: "literal",

  windowEntry({ mean: baselineMean }, stats, path) {
    const last = stats.summary(path.at(-1)!)!;
    const entered = last.meanPain < baselineMean;
    const relation = entered ? "below" : "not below";
    return {
      entered,
      atUg: last.ug,
      reason: `${level(last.ug, last.meanPain, last.n)} is ${relation} baseline pain ${pain(baselineMean)} (004: any improvement enters the window)`,
    };
  },

  med(stats, path) {
    const levels = stats.summaries(path);
    let best = levels[0]!;
    let without: LevelSummary[] = [];
    for (const l of levels.slice(1)) {
      if (l.meanPain < best.meanPain) {
        best = l;
        without = [];
      } else {
        without.push(l);
        if (without.length >= LITERAL_INCREASES_WITHOUT_IMPROVEMENT) {
          const tried = without.map((w) => level(w.ug, w.meanPain, w.n)).join(" and ");
          return {
            medUg: best.ug,
            reason: `${tried} brought no additional improvement over ${level(best.ug, best.meanPain, best.n)}: back to ${formatDose(best.ug)} (004: 2 successive changes without improvement)`,
          };
        }
      }
    }
    return {
      medUg: null,
      reason: `best so far ${level(best.ug, best.meanPain, best.n)}; ${without.length} of ${LITERAL_INCREASES_WITHOUT_IMPROVEMENT} changes without improvement`,
    };
  },

  best(stats, path) {
    const levels = stats.summaries(path);
    const best = levels.reduce((a, b) => (b.meanPain < a.meanPain ? b : a));
    return { medUg: best.ug, reason: `best level tried: ${level(best.ug, best.meanPain, best.n)}` };
  },

  hormesis(stats, path, medUg, { mean: baselineMean }) {
    const med = stats.summary(medUg)!;
    for (const l of stats.summaries(path)) {
      if (l.ug <= medUg) continue;
      if (l.meanPain >= med.meanPain + PAIN_MCID_POINTS || l.meanPain > baselineMean) {
        return {
          yes: true,
          reason: `hormesis: ${level(l.ug, l.meanPain, l.n)} was clearly worse than the MED ${level(med.ug, med.meanPain, med.n)} (baseline ${pain(baselineMean)}; worse by at least ${PAIN_MCID_POINTS} points (Farrar 2001) or worse than before LDN (004))`,
        };
      }
    }
    return { yes: false, reason: "no higher dose was clearly worse than the MED" };
  },

  responds(stats, ug, { mean: baselineMean }) {
    const l = stats.summary(ug);
    if (!l) return { yes: false, reason: `no diary days at ${formatDose(ug)}` };
    const yes = l.meanPain < baselineMean;
    return {
      yes,
      reason: `${level(l.ug, l.meanPain, l.n)} is ${yes ? "below" : "not below"} baseline pain ${pain(baselineMean)}`,
    };
  },
};
