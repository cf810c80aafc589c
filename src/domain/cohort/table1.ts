/**
 * Table 1 of 004: who the patients were. Percentages are of the patients with the item
 * recorded (`known`), so a blank cell does not count as "no".
 */
import { describe } from "../stats/descriptive.ts";
import type { CohortPatient } from "./cohort.ts";
import { finiteOrNull, present } from "./finite.ts";

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

/**
 * Counts, percentages and summaries of the cohort.
 *
 * @example table1(patients).hypermobile; // { n: 30, percent: 73.17..., known: 41 }
 */
export function table1(patients: readonly CohortPatient[]): Table1 {
  const sexes = present(patients.map((p) => p.sex));
  const sexCount = (sex: string) => count(sexes.map((s) => s === sex));
  return {
    patients: patients.length,
    male: sexCount("male"),
    female: sexCount("female"),
    otherSex: sexCount("other"),
    age: summarize(present(patients.map((p) => p.age))),
    bmi: summarize(present(patients.map((p) => p.bmi))),
    hypermobile: count(present(patients.map((p) => p.hypermobile))),
    mcad: count(present(patients.map((p) => p.mcad))),
    onOpioids: count(present(patients.map((p) => p.onOpioids))),
    hormesis: count(present(patients.map((p) => p.hormesis))),
    medMg: summarize(present(patients.map((p) => p.medMg))),
  };
}

function count(flags: readonly boolean[]): Count {
  const n = flags.filter(Boolean).length;
  return { n, percent: flags.length === 0 ? null : (100 * n) / flags.length, known: flags.length };
}

/**
 * n, mean, SD, min and max; nulls for an empty list.
 *
 * @example summarize([18, 76, 40]); // { n: 3, mean: 44.66..., sd: 29.14..., min: 18, max: 76 }
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, mean: null, sd: null, min: null, max: null };
  const d = describe(values);
  return { n: d.n, mean: d.mean, sd: finiteOrNull(d.sd), min: d.min, max: d.max };
}
