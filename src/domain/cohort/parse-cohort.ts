/**
 * Reads the cohort table (header and rows of strings, as a CSV parser gives them) into
 * patients. Problems with the header stop everything (nothing can be analysed without
 * knowing the columns); problems in a row are collected with line and column, that row
 * is left out, and the rest is analysed.
 *
 * `CohortReader` reads one row at a time, so `ldn analyze` can stream a registry's file
 * and keep no row (issue 14); what it does hold is each patient id read so far, with its
 * line, to catch a repeated patient, and the problems, which are reported.
 */
import { invalidArgument } from "../errors.ts";
import { readBoolean, readNumber, readSex, type CellResult } from "./cohort-cells.ts";
import type { Cohort, CohortPatient, CohortProblem, OutcomePair, Scale } from "./cohort.ts";
import { assertScalesExist, scaleDirection, type DirectionOptions } from "./scale-direction.ts";

/** The columns every cohort file has (issue 4), in the order they are documented. */
export const REQUIRED_COLUMNS = [
  "patient_id",
  "sex",
  "age",
  "bmi",
  "hypermobile",
  "mcad",
  "med_mg",
  "hormesis",
  "on_opioids",
] as const;

export interface CohortTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** Plausible ranges: wider than any real patient, narrow enough to catch unit mistakes. */
const RANGES = {
  age: [0, 120],
  bmi: [10, 100],
  // 1 mcg (ULDN) to the 50 mg label maximum: a MED typed in micrograms (e.g. 700) is caught.
  medMg: [0.001, 50],
  // BPI items and scores are 0-10; PROMIS T-scores and raw scores lie within 0-100.
  bpi: [0, 10],
  promis: [0, 100],
  other: [-1e9, 1e9],
} as const;

const OUTCOME_COLUMN = /^([a-z0-9_]+)_(pre|post)$/;

/**
 * Reads a cohort's rows one at a time against its header; throws `invalid_argument` for a
 * header that cannot be used.
 *
 * @example
 * const reader = new CohortReader(["patient_id", "sex", ...], {});
 * reader.read(2, ["P1", "female", ...]); // the patient, or null when the row is left out
 * reader.problems; // [{ line, column, value, message }] of the rows left out
 */
export class CohortReader {
  readonly scales: readonly Scale[];
  readonly ignoredColumns: readonly string[];
  readonly problems: CohortProblem[] = [];
  rowsLeftOut = 0;
  private readonly width: number;
  private readonly column: Readonly<Record<(typeof REQUIRED_COLUMNS)[number], number>>;
  private readonly outcomeColumns: readonly {
    readonly name: string;
    readonly pre: number;
    readonly post: number;
    readonly preName: string;
    readonly postName: string;
    readonly range: readonly [number, number];
  }[];
  private readonly seen = new Map<string, number>();

  constructor(rawHeader: readonly string[], options: DirectionOptions) {
    const header = rawHeader.map((h) => h.trim().toLowerCase());
    const { scaleNames, ignoredColumns } = readHeader(header);
    assertScalesExist(scaleNames, options);
    this.scales = scaleNames.map((name) => scaleDirection(name, options));
    this.ignoredColumns = ignoredColumns;
    this.width = header.length;
    this.column = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
      (typeof REQUIRED_COLUMNS)[number],
      number
    >;
    this.outcomeColumns = this.scales.map((scale) => ({
      name: scale.name,
      pre: header.indexOf(`${scale.name}_pre`),
      post: header.indexOf(`${scale.name}_post`),
      preName: `${scale.name}_pre`,
      postName: `${scale.name}_post`,
      range: outcomeRange(scale.name),
    }));
  }

  /** The patient on this row, or null when the row is left out (its problems recorded). */
  read(line: number, cells: readonly string[]): CohortPatient | null {
    const rowProblems: CohortProblem[] = [];
    const patient = this.readRow(line, cells, rowProblems);
    const id = patient?.patientId;
    const first = id === undefined ? undefined : this.seen.get(id);
    if (first !== undefined) {
      rowProblems.push({ line, column: "patient_id", value: id!, message: `repeats line ${first}` });
    }
    if (patient && rowProblems.length === 0) {
      this.seen.set(patient.patientId, line);
      return patient;
    }
    this.rowsLeftOut++;
    for (const problem of rowProblems) this.problems.push(problem);
    return null;
  }

  private readRow(line: number, cells: readonly string[], problems: CohortProblem[]): CohortPatient | null {
    if (cells.length !== this.width) {
      problems.push({
        line,
        column: "",
        value: cells.join(","),
        message: `has ${cells.length} cells; the header has ${this.width}`,
      });
      return null;
    }
    // Plain methods rather than closures made per row: this runs a million times on a registry.
    const c = this.column;
    const patientId = cell(cells, c.patient_id);
    if (patientId === "") problems.push({ line, column: "patient_id", value: "", message: "is empty" });
    const outcomes: Record<string, OutcomePair> = {};
    for (const o of this.outcomeColumns) {
      outcomes[o.name] = {
        pre: readCell(line, o.preName, cell(cells, o.pre), readNumber, o.range, problems),
        post: readCell(line, o.postName, cell(cells, o.post), readNumber, o.range, problems),
      };
    }
    return {
      line,
      patientId,
      sex: readCell(line, "sex", cell(cells, c.sex), readSex, undefined, problems),
      age: readCell(line, "age", cell(cells, c.age), readNumber, RANGES.age, problems),
      bmi: readCell(line, "bmi", cell(cells, c.bmi), readNumber, RANGES.bmi, problems),
      hypermobile: readCell(
        line,
        "hypermobile",
        cell(cells, c.hypermobile),
        readBoolean,
        undefined,
        problems,
      ),
      mcad: readCell(line, "mcad", cell(cells, c.mcad), readBoolean, undefined, problems),
      medMg: readCell(line, "med_mg", cell(cells, c.med_mg), readNumber, RANGES.medMg, problems),
      hormesis: readCell(line, "hormesis", cell(cells, c.hormesis), readBoolean, undefined, problems),
      onOpioids: readCell(line, "on_opioids", cell(cells, c.on_opioids), readBoolean, undefined, problems),
      outcomes,
    };
  }
}

function cell(cells: readonly string[], index: number): string {
  return (cells[index] ?? "").trim();
}

/** A cell's value, or null with a problem recorded when it cannot be read. */
function readCell<T>(
  line: number,
  column: string,
  text: string,
  read: (text: string, min: number, max: number) => CellResult<T>,
  range: readonly [number, number] | undefined,
  problems: CohortProblem[],
): T | null {
  const result = range ? read(text, range[0], range[1]) : read(text, 0, 0);
  if (result.ok) return result.value;
  problems.push({ line, column, value: text, message: result.reason });
  return null;
}

/**
 * Parses the whole table at once; throws `invalid_argument` for a header that cannot be used.
 *
 * @example
 * parseCohort({ header: ["patient_id", ...], rows: [{ line: 2, cells: ["P1", ...] }] }, {});
 * // { patients: [...], scales: [...], problems: [], rowsLeftOut: 0, ignoredColumns: [] }
 */
export function parseCohort(table: CohortTable, options: DirectionOptions): Cohort {
  const reader = new CohortReader(table.header, options);
  const patients: CohortPatient[] = [];
  for (const row of table.rows) {
    const patient = reader.read(row.line, row.cells);
    if (patient) patients.push(patient);
  }
  const { scales, problems, rowsLeftOut, ignoredColumns } = reader;
  return { patients, scales, problems, rowsLeftOut, ignoredColumns };
}

function readHeader(header: readonly string[]) {
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate !== undefined) throw invalidArgument("header", duplicate, "column appears twice");
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw invalidArgument("header", missing.join(", "), "required columns missing");
  const scaleNames: string[] = [];
  const ignoredColumns: string[] = [];
  for (const column of header) {
    if ((REQUIRED_COLUMNS as readonly string[]).includes(column)) continue;
    const match = OUTCOME_COLUMN.exec(column);
    if (!match) {
      ignoredColumns.push(column);
      continue;
    }
    const [, name, when] = match as unknown as [string, string, "pre" | "post"];
    const partner = `${name}_${when === "pre" ? "post" : "pre"}`;
    if (!header.includes(partner))
      throw invalidArgument("header", column, `has no partner column ${partner}`);
    if (!scaleNames.includes(name)) scaleNames.push(name);
  }
  return { scaleNames, ignoredColumns };
}

function outcomeRange(name: string): readonly [number, number] {
  if (name.startsWith("bpi_")) return RANGES.bpi;
  if (name.startsWith("promis_")) return RANGES.promis;
  return RANGES.other;
}
