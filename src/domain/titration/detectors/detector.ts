/**
 * A detector reads the pain recorded at each dose level and answers the questions the
 * titration asks: has the window of effectiveness begun, is the MED settled, which level
 * was best, was a higher dose clearly worse (hormesis), does a fixed dose work. Two are
 * built in: `literal` (004's rule as written) and `robust` (this project's design, for noisy
 * day-to-day ratings). A plan chooses one.
 */
import type { LevelStats } from "../level-stats.ts";
import type { ProtocolRules } from "../protocol-rules.ts";
import type { SignalName } from "./signal-series.ts";

export type DetectorName = "literal" | "robust";

export const DETECTOR_NAMES: readonly DetectorName[] = ["literal", "robust"];

/** Pain before the first dose: what every level is compared with. */
export interface Baseline {
  readonly mean: number;
  /** Days behind the mean (the first level's days when it stood in for a missing baseline). */
  readonly days: number;
  /** Sum of squared deviations of those days from their mean (their day-to-day scatter). */
  readonly ss: number;
  /** The baseline days' pain in order (empty when the first level stands in). */
  readonly pains: readonly number[];
  /** The baseline days' wellbeing scores (mood, energy, clarity), where rated. */
  readonly wellbeing: readonly number[];
}

/**
 * @example baselineOf([7, 6, 7]) // { mean: 6.67, days: 3, ss: 0.67, pains: [7, 6, 7], wellbeing: [] }
 */
export function baselineOf(pains: readonly number[], wellbeing: readonly number[] = []): Baseline {
  const mean = pains.reduce((a, b) => a + b, 0) / pains.length;
  return { mean, days: pains.length, ss: pains.reduce((a, p) => a + (p - mean) ** 2, 0), pains, wellbeing };
}

export interface WindowVerdict {
  readonly entered: boolean;
  /** The level the window is taken to begin at (when entered). */
  readonly atUg: number;
  readonly reason: string;
  /** The signal that showed the window (statistical detector), for the search that follows. */
  readonly signal?: SignalName;
}

/** What the MED search knows besides the window's levels. */
export interface SearchContext {
  readonly baseline: Baseline;
  /** Levels tried before the window, in order (the flat stretch). */
  readonly before: readonly number[];
  readonly signal?: SignalName;
}

export interface MedVerdict {
  /** The MED when settled, else null (keep titrating). */
  readonly medUg: number | null;
  readonly reason: string;
  /** Settled because a later dose did harm (worse than the best or than before LDN): hormesis (004). */
  readonly harm?: boolean;
}

export interface Verdict {
  readonly yes: boolean;
  readonly reason: string;
}

export interface Detector {
  readonly name: DetectorName;
  /** After the last level of `path` (levels in the order tried) was completed. */
  windowEntry(baseline: Baseline, stats: LevelStats, path: readonly number[]): WindowVerdict;
  /** `path` starts at the window's first level and runs in the order tried (up or down). */
  med(stats: LevelStats, path: readonly number[], context?: SearchContext): MedVerdict;
  /** The best level of `path`, when the range ends or a side effect ends the search. */
  best(
    stats: LevelStats,
    path: readonly number[],
    context?: SearchContext,
  ): MedVerdict & { readonly medUg: number };
  /** Was a level tried above `medUg` clearly worse than the MED (004: hormesis)? */
  hormesis(stats: LevelStats, path: readonly number[], medUg: number, baseline: Baseline): Verdict;
  /** Does a dose held for an assessment period work, against baseline? */
  responds(stats: LevelStats, ug: number, baseline: Baseline): Verdict;
  /**
   * At the 2-week look of a longer assessment period (003: judge after 2-4 weeks), is the
   * response already clear? Detectors without it judge only at the end of the period.
   */
  clearResponse?(stats: LevelStats, ug: number, baseline: Baseline): Verdict;
  /**
   * The detector to use for one protocol's rules, when it decides differently by protocol
   * (the robust detector judges 14-day levels on their own days); itself when absent.
   */
  forProtocol?(rules: ProtocolRules): Detector;
}
