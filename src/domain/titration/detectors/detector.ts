/**
 * A detector reads the pain recorded at each dose level and answers the questions the
 * titration asks: has the window of effectiveness begun, is the MED settled, which level
 * was best, was a higher dose clearly worse (hormesis), does a fixed dose work. Two are
 * built in: `literal` (004's rule as written) and `robust` (this project's design, for noisy
 * day-to-day ratings). A plan chooses one.
 */
import type { LevelStats } from "../level-stats.ts";

export type DetectorName = "literal" | "robust";

export const DETECTOR_NAMES: readonly DetectorName[] = ["literal", "robust"];

export interface WindowVerdict {
  readonly entered: boolean;
  /** The level the window is taken to begin at (when entered). */
  readonly atUg: number;
  readonly reason: string;
}

export interface MedVerdict {
  /** The MED when settled, else null (keep titrating). */
  readonly medUg: number | null;
  readonly reason: string;
}

export interface Verdict {
  readonly yes: boolean;
  readonly reason: string;
}

export interface Detector {
  readonly name: DetectorName;
  /** After the last level of `path` (levels in the order tried) was completed. */
  windowEntry(baselineMean: number, stats: LevelStats, path: readonly number[]): WindowVerdict;
  /** `path` starts at the window's first level and runs in the order tried (up or down). */
  med(stats: LevelStats, path: readonly number[]): MedVerdict;
  /** The best level of `path`, when the range ends or a side effect ends the search. */
  best(stats: LevelStats, path: readonly number[]): MedVerdict & { readonly medUg: number };
  /** Was a level tried above `medUg` clearly worse than the MED (004: hormesis)? */
  hormesis(stats: LevelStats, path: readonly number[], medUg: number, baselineMean: number): Verdict;
  /** Does a dose held for an assessment period work, against baseline? */
  responds(stats: LevelStats, ug: number, baselineMean: number): Verdict;
}
