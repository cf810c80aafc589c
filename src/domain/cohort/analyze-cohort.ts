/**
 * `ldn analyze`'s analysis: 004's Tables 1 and 2, its subgroup and correlation tests,
 * its MED histogram and the hormesis count, from a parsed cohort. The shape of
 * `CohortAnalysis` is the JSON contract of `ldn analyze --format json`: keys are only
 * ever added, never renamed.
 */
import { invalidArgument } from "../errors.ts";
import { bmiVsMed, type BmiVsMed } from "./bmi-vs-med.ts";
import type { Cohort, CohortProblem } from "./cohort.ts";
import { medByGroup, type MedByGroup } from "./med-by-group.ts";
import { medHistogram, type MedHistogram } from "./med-histogram.ts";
import { analyzeOutcome, type OutcomeResult } from "./outcome-analysis.ts";
import { table1, type Table1 } from "./table1.ts";

export interface CohortAnalysis {
  /** Patients analysed. */
  readonly patients: number;
  readonly rowsLeftOut: number;
  readonly problems: readonly CohortProblem[];
  readonly ignoredColumns: readonly string[];
  readonly table1: Table1;
  readonly outcomes: readonly OutcomeResult[];
  readonly medByGroup: MedByGroup;
  readonly bmiVsMed: BmiVsMed;
  readonly medHistogram: MedHistogram;
  readonly hormesisCount: number;
}

/**
 * Runs the whole analysis; throws `invalid_argument` when no row could be read.
 *
 * @example
 * const analysis = analyzeCohort(parseCohort(table, {}));
 * analysis.outcomes[0]; // { scale: "bpi_pain", n: 23, ... }
 */
export function analyzeCohort(cohort: Cohort): CohortAnalysis {
  const { patients } = cohort;
  if (patients.length === 0) {
    throw invalidArgument("cohort", cohort.rowsLeftOut, "no patient rows could be read");
  }
  return {
    patients: patients.length,
    rowsLeftOut: cohort.rowsLeftOut,
    problems: cohort.problems,
    ignoredColumns: cohort.ignoredColumns,
    table1: table1(patients),
    outcomes: cohort.scales.map((scale) => analyzeOutcome(patients, scale)),
    medByGroup: medByGroup(patients),
    bmiVsMed: bmiVsMed(patients),
    medHistogram: medHistogram(patients),
    hormesisCount: patients.filter((p) => p.hormesis === true).length,
  };
}
