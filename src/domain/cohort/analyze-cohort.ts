/**
 * `ldn analyze`'s analysis: 004's Tables 1 and 2, its subgroup and correlation tests,
 * its MED histogram and the hormesis count, from a parsed cohort. The shape of
 * `CohortAnalysis` is the JSON contract of `ldn analyze --format json`: keys are only
 * ever added, never renamed.
 *
 * `CohortAccumulator` takes the patients one at a time and keeps only what the statistics
 * need (issue 14: a registry of a million rows): counts, running moments, a count per
 * histogram bin, and three kinds of column of 8-byte numbers that the rank tests must
 * see whole: each scale's improvements (signed-rank test) and BMI and MED (Spearman).
 * For the report's slope charts it also keeps the first `FIGURE_PAIRS` pairs of each
 * scale.
 */
import { invalidArgument } from "../errors.ts";
import { BmiVsMedAccumulator, type BmiVsMed } from "./bmi-vs-med.ts";
import type { Cohort, CohortPatient, CohortProblem, OutcomePair, Scale } from "./cohort.ts";
import { MedByGroupAccumulator, type MedByGroup } from "./med-by-group.ts";
import { MedHistogramAccumulator, type MedHistogram } from "./med-histogram.ts";
import { OutcomeAccumulator, type OutcomeResult } from "./outcome-analysis.ts";
import { Table1Accumulator, type Table1 } from "./table1.ts";

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

/** What the reader reports besides the patients. */
export interface CohortReading {
  readonly problems: readonly CohortProblem[];
  readonly rowsLeftOut: number;
  readonly ignoredColumns: readonly string[];
}

/**
 * A slope chart draws one line per patient; past a few hundred they are a grey block, so
 * the report draws the first 500 patients' lines (in file order) and the mean of all.
 */
export const FIGURE_PAIRS = 500;

/** What a pre/post slope chart of one scale needs. */
export interface PrePostFigure {
  readonly scale: Scale;
  /** Patients with both values. */
  readonly n: number;
  /** The first `FIGURE_PAIRS` of them, in file order. */
  readonly shown: readonly { readonly pre: number; readonly post: number }[];
  /** Smallest and largest of all pre and post values (null when n is 0). */
  readonly min: number | null;
  readonly max: number | null;
  readonly preMean: number | null;
  readonly postMean: number | null;
}

/**
 * The whole analysis, one patient at a time.
 *
 * @example
 * const a = new CohortAccumulator(reader.scales);
 * for (const row of rows) { const p = reader.read(row.line, row.cells); if (p) a.add(p); }
 * a.analysis(reader).outcomes[0]; // { scale: "bpi_pain", n: 23, ... }
 */
export class CohortAccumulator {
  private patients = 0;
  private hormesisCount = 0;
  private readonly table1 = new Table1Accumulator();
  private readonly outcomes: readonly OutcomeAccumulator[];
  private readonly medByGroup = new MedByGroupAccumulator();
  private readonly bmiVsMed = new BmiVsMedAccumulator();
  private readonly medHistogram = new MedHistogramAccumulator();
  private readonly figures: readonly {
    readonly scale: Scale;
    readonly shown: { pre: number; post: number }[];
    min: number;
    max: number;
  }[];

  constructor(readonly scales: readonly Scale[]) {
    this.outcomes = scales.map((s) => new OutcomeAccumulator(s));
    this.figures = scales.map((scale) => ({ scale, shown: [], min: Infinity, max: -Infinity }));
  }

  add(p: CohortPatient): void {
    this.patients += 1;
    if (p.hormesis === true) this.hormesisCount += 1;
    this.table1.add(p);
    this.medByGroup.add(p);
    this.bmiVsMed.add(p);
    this.medHistogram.add(p);
    for (let i = 0; i < this.scales.length; i++) {
      const pair: OutcomePair | undefined = p.outcomes[this.scales[i]!.name];
      this.outcomes[i]!.add(pair);
      if (pair == null || pair.pre === null || pair.post === null) continue;
      const figure = this.figures[i]!;
      if (figure.shown.length < FIGURE_PAIRS) figure.shown.push({ pre: pair.pre, post: pair.post });
      figure.min = Math.min(figure.min, pair.pre, pair.post);
      figure.max = Math.max(figure.max, pair.pre, pair.post);
    }
  }

  /** The analysis; throws `invalid_argument` when no row could be read. */
  analysis(reading: CohortReading): CohortAnalysis {
    if (this.patients === 0) {
      throw invalidArgument("cohort", reading.rowsLeftOut, "no patient rows could be read");
    }
    return {
      patients: this.patients,
      rowsLeftOut: reading.rowsLeftOut,
      problems: reading.problems,
      ignoredColumns: reading.ignoredColumns,
      table1: this.table1.result(),
      outcomes: this.outcomes.map((o) => o.result()),
      medByGroup: this.medByGroup.result(),
      bmiVsMed: this.bmiVsMed.result(),
      medHistogram: this.medHistogram.result(),
      hormesisCount: this.hormesisCount,
    };
  }

  /** One slope chart's data per scale, with the means from the analysis's outcomes. */
  prePostFigures(analysis: CohortAnalysis): PrePostFigure[] {
    return this.figures.map((f, i) => {
      const o = analysis.outcomes[i]!;
      return {
        scale: f.scale,
        n: o.n,
        shown: f.shown,
        min: o.n === 0 ? null : f.min,
        max: o.n === 0 ? null : f.max,
        preMean: o.pre.mean,
        postMean: o.post.mean,
      };
    });
  }
}

/**
 * Runs the whole analysis; throws `invalid_argument` when no row could be read.
 *
 * @example
 * const analysis = analyzeCohort(parseCohort(table, {}));
 * analysis.outcomes[0]; // { scale: "bpi_pain", n: 23, ... }
 */
export function analyzeCohort(cohort: Cohort): CohortAnalysis {
  const a = new CohortAccumulator(cohort.scales);
  for (const p of cohort.patients) a.add(p);
  return a.analysis(cohort);
}
