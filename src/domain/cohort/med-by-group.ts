/**
 * 004's subgroup result: MED in hEDS/HSD patients vs the others, compared with Welch's
 * unequal-variance t-test (the paper's p = 0.25 is Welch's; Student's pooled test, also
 * reported here, gives about 0.18 on the same summaries). Patients without a MED or with
 * hypermobility not recorded are left out.
 */
import { studentTTest, welchTTest, type UnpairedTTest } from "../stats/unpaired-t-test.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";
import { summarize, type Summary } from "./table1.ts";

export interface TestSummary {
  readonly t: number | null;
  readonly df: number | null;
  readonly p: number | null;
}

export interface MedByGroup {
  readonly hypermobile: Summary;
  readonly others: Summary;
  /** Welch's t-test, hypermobile minus others. */
  readonly t: number | null;
  readonly df: number | null;
  readonly p: number | null;
  readonly student: TestSummary;
}

/**
 * MED summaries per group and the tests between them (null when a group has fewer than 2).
 *
 * @example medByGroup(patients); // { hypermobile: { n: 30, mean: 2.23, ... }, others: {...}, p: 0.25, ... }
 */
export function medByGroup(patients: readonly CohortPatient[]): MedByGroup {
  const meds = (hypermobile: boolean) =>
    patients.filter((p) => p.hypermobile === hypermobile && p.medMg !== null).map((p) => p.medMg!);
  const h = meds(true);
  const o = meds(false);
  const enough = h.length >= 2 && o.length >= 2;
  const welch = enough ? summary(welchTTest(h, o)) : { t: null, df: null, p: null };
  const student = enough ? summary(studentTTest(h, o)) : { t: null, df: null, p: null };
  return { hypermobile: summarize(h), others: summarize(o), ...welch, student };
}

function summary(test: UnpairedTTest): TestSummary {
  return { t: finiteOrNull(test.t), df: test.df, p: finiteOrNull(test.pTwoTailed) };
}
