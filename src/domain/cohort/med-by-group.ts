/**
 * 004's subgroup result: MED in hEDS/HSD patients vs the others, compared with Welch's
 * unequal-variance t-test (the paper's p = 0.25 is Welch's; Student's pooled test, also
 * reported here, gives about 0.18 on the same summaries). Patients without a MED or with
 * hypermobility not recorded are left out. Both tests need only each group's n, mean and
 * variance, so the groups are kept as running moments, not lists.
 */
import { RunningMoments } from "../stats/running-moments.ts";
import {
  studentTTestFromSummaries,
  welchTTestFromSummaries,
  type UnpairedTTest,
} from "../stats/unpaired-t-test.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";
import { summaryOf, type Summary } from "./table1.ts";

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
 * The MED subgroup comparison, one patient at a time.
 *
 * @example
 * const m = new MedByGroupAccumulator();
 * for (const p of patients) m.add(p);
 * m.result().p; // 0.25...
 */
export class MedByGroupAccumulator {
  private readonly hypermobile = new RunningMoments();
  private readonly others = new RunningMoments();

  add(p: CohortPatient): void {
    if (p.medMg === null || p.hypermobile === null) return;
    (p.hypermobile ? this.hypermobile : this.others).add(p.medMg);
  }

  result(): MedByGroup {
    const h = this.hypermobile;
    const o = this.others;
    const enough = h.n >= 2 && o.n >= 2;
    const none = { t: null, df: null, p: null };
    const welch = enough ? summary(welchTTestFromSummaries(h, o)) : none;
    const student = enough ? summary(studentTTestFromSummaries(h, o)) : none;
    return { hypermobile: summaryOf(h), others: summaryOf(o), ...welch, student };
  }
}

/**
 * MED summaries per group and the tests between them (null when a group has fewer than 2).
 *
 * @example medByGroup(patients); // { hypermobile: { n: 30, mean: 2.23, ... }, others: {...}, p: 0.25, ... }
 */
export function medByGroup(patients: readonly CohortPatient[]): MedByGroup {
  const m = new MedByGroupAccumulator();
  for (const p of patients) m.add(p);
  return m.result();
}

function summary(test: UnpairedTTest): TestSummary {
  return { t: finiteOrNull(test.t), df: test.df, p: finiteOrNull(test.pTwoTailed) };
}
