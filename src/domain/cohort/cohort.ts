/**
 * The cohort of `ldn analyze`: one row per patient, as a clinic exports it. Types only;
 * parse-cohort.ts builds them from a table of strings.
 */

export type Sex = "female" | "male" | "other";

export type Direction = "higher-is-better" | "lower-is-better";

/** An outcome measured before and after titration, from columns `<name>_pre` / `<name>_post`. */
export interface Scale {
  readonly name: string;
  readonly direction: Direction;
  /** "prefix" when bpi_/promis_ decided the direction, "option" when the user did. */
  readonly directionFrom: "prefix" | "option";
}

export interface OutcomePair {
  readonly pre: number | null;
  readonly post: number | null;
}

/** One patient; `null` where the cell was empty. */
export interface CohortPatient {
  /** Line of the CSV the row came from (1 is the header). */
  readonly line: number;
  readonly patientId: string;
  readonly sex: Sex | null;
  readonly age: number | null;
  readonly bmi: number | null;
  /** hEDS/HSD (hypermobile Ehlers-Danlos syndrome / hypermobility spectrum disorder). */
  readonly hypermobile: boolean | null;
  /** Mast cell activation disorder. */
  readonly mcad: boolean | null;
  /** Maximally effective dose, mg/day. */
  readonly medMg: number | null;
  readonly hormesis: boolean | null;
  readonly onOpioids: boolean | null;
  /** Keyed by scale name. */
  readonly outcomes: Readonly<Record<string, OutcomePair>>;
}

/** A cell that could not be read: its row is left out of the analysis. */
export interface CohortProblem {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface Cohort {
  readonly patients: readonly CohortPatient[];
  readonly scales: readonly Scale[];
  readonly problems: readonly CohortProblem[];
  /** Rows left out because of a problem. */
  readonly rowsLeftOut: number;
  /** Columns that are neither required nor an outcome pair: read past, listed so nothing is silently lost. */
  readonly ignoredColumns: readonly string[];
}
