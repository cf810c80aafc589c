/**
 * Table 1 of 004: who the patients were. Percentages are of the patients with the item
 * recorded (`known`), so a blank cell does not count as "no". Built one patient at a time
 * from counts and running moments, so a registry of a million rows needs a few numbers
 * here, not its rows (issue 14).
 */
import { RunningMoments } from "../stats/running-moments.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull } from "./finite.ts";

export interface Count {
  readonly n: number;
  /** n as a percentage of `known`; null when nobody has the item recorded. */
  readonly percent: number | null;
  /** Patients with the item recorded. */
  readonly known: number;
}

export interface Summary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface Table1 {
  readonly patients: number;
  readonly male: Count;
  readonly female: Count;
  readonly otherSex: Count;
  readonly age: Summary;
  readonly bmi: Summary;
  readonly hypermobile: Count;
  readonly mcad: Count;
  readonly onOpioids: Count;
  readonly hormesis: Count;
  readonly medMg: Summary;
}

/** How many patients have an item recorded and how many of them have it. */
class Tally {
  n = 0;
  known = 0;

  add(flag: boolean | null): void {
    if (flag === null) return;
    this.known += 1;
    if (flag) this.n += 1;
  }

  count(): Count {
    return { n: this.n, percent: this.known === 0 ? null : (100 * this.n) / this.known, known: this.known };
  }
}

/**
 * Table 1, one patient at a time.
 *
 * @example
 * const t = new Table1Accumulator();
 * for (const p of patients) t.add(p);
 * t.result().hypermobile; // { n: 30, percent: 73.17..., known: 41 }
 */
export class Table1Accumulator {
  private patients = 0;
  private readonly male = new Tally();
  private readonly female = new Tally();
  private readonly otherSex = new Tally();
  private readonly age = new RunningMoments();
  private readonly bmi = new RunningMoments();
  private readonly medMg = new RunningMoments();
  private readonly hypermobile = new Tally();
  private readonly mcad = new Tally();
  private readonly onOpioids = new Tally();
  private readonly hormesis = new Tally();

  add(p: CohortPatient): void {
    this.patients += 1;
    this.male.add(p.sex === null ? null : p.sex === "male");
    this.female.add(p.sex === null ? null : p.sex === "female");
    this.otherSex.add(p.sex === null ? null : p.sex === "other");
    if (p.age !== null) this.age.add(p.age);
    if (p.bmi !== null) this.bmi.add(p.bmi);
    if (p.medMg !== null) this.medMg.add(p.medMg);
    this.hypermobile.add(p.hypermobile);
    this.mcad.add(p.mcad);
    this.onOpioids.add(p.onOpioids);
    this.hormesis.add(p.hormesis);
  }

  result(): Table1 {
    return {
      patients: this.patients,
      male: this.male.count(),
      female: this.female.count(),
      otherSex: this.otherSex.count(),
      age: summaryOf(this.age),
      bmi: summaryOf(this.bmi),
      hypermobile: this.hypermobile.count(),
      mcad: this.mcad.count(),
      onOpioids: this.onOpioids.count(),
      hormesis: this.hormesis.count(),
      medMg: summaryOf(this.medMg),
    };
  }
}

/**
 * Counts, percentages and summaries of the cohort.
 *
 * @example table1(patients).hypermobile; // { n: 30, percent: 73.17..., known: 41 }
 */
export function table1(patients: readonly CohortPatient[]): Table1 {
  const t = new Table1Accumulator();
  for (const p of patients) t.add(p);
  return t.result();
}

/**
 * n, mean, SD, min and max of running moments; nulls when there were no values.
 *
 * @example summaryOf(runningMoments([18, 76, 40])); // { n: 3, mean: 44.66..., sd: 29.14..., min: 18, max: 76 }
 */
export function summaryOf(m: RunningMoments): Summary {
  if (m.n === 0) return { n: 0, mean: null, sd: null, min: null, max: null };
  return { n: m.n, mean: m.mean, sd: finiteOrNull(m.sd), min: m.min, max: m.max };
}
