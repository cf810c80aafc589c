/**
 * Reads the cohort table (header and rows of strings, as a CSV parser gives them) into
 * patients. Problems with the header stop everything (nothing can be analysed without
 * knowing the columns); problems in a row are collected with line and column, that row
 * is left out, and the rest is analysed.
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
 * Parses the table; throws `invalid_argument` for a header that cannot be used.
 *
 * @example
 * parseCohort({ header: ["patient_id", ...], rows: [{ line: 2, cells: ["P1", ...] }] }, {});
 * // { patients: [...], scales: [...], problems: [], rowsLeftOut: 0, ignoredColumns: [] }
 */
export function parseCohort(table: CohortTable, options: DirectionOptions): Cohort {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const { scaleNames, ignoredColumns } = readHeader(header);
  assertScalesExist(scaleNames, options);
  const scales = scaleNames.map((name) => scaleDirection(name, options));
  const patients: CohortPatient[] = [];
  const problems: CohortProblem[] = [];
  const seen = new Map<string, number>();
  let rowsLeftOut = 0;
  for (const row of table.rows) {
    const rowProblems: CohortProblem[] = [];
    const patient = readRow(header, scales, row.line, row.cells, rowProblems);
    const id = patient?.patientId;
    if (id !== undefined && seen.has(id)) {
      rowProblems.push({
        line: row.line,
        column: "patient_id",
        value: id,
        message: `repeats line ${seen.get(id)}`,
      });
    }
    if (patient && rowProblems.length === 0) {
      patients.push(patient);
      seen.set(patient.patientId, row.line);
    } else {
      rowsLeftOut++;
      problems.push(...rowProblems);
    }
  }
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

function readRow(
  header: readonly string[],
  scales: readonly Scale[],
  line: number,
  cells: readonly string[],
  problems: CohortProblem[],
): CohortPatient | null {
  if (cells.length !== header.length) {
    problems.push({
      line,
      column: "",
      value: cells.join(","),
      message: `has ${cells.length} cells; the header has ${header.length}`,
    });
    return null;
  }
  const text = (column: string) => (cells[header.indexOf(column)] ?? "").trim();
  const take = <T>(column: string, result: CellResult<T>): T | null => {
    if (result.ok) return result.value;
    problems.push({ line, column, value: text(column), message: result.reason });
    return null;
  };
  const patientId = text("patient_id");
  if (patientId === "") problems.push({ line, column: "patient_id", value: "", message: "is empty" });
  const outcomes: Record<string, OutcomePair> = {};
  for (const scale of scales) {
    const [min, max] = outcomeRange(scale.name);
    outcomes[scale.name] = {
      pre: take(`${scale.name}_pre`, readNumber(text(`${scale.name}_pre`), min, max)),
      post: take(`${scale.name}_post`, readNumber(text(`${scale.name}_post`), min, max)),
    };
  }
  return {
    line,
    patientId,
    sex: take("sex", readSex(text("sex"))),
    age: take("age", readNumber(text("age"), ...RANGES.age)),
    bmi: take("bmi", readNumber(text("bmi"), ...RANGES.bmi)),
    hypermobile: take("hypermobile", readBoolean(text("hypermobile"))),
    mcad: take("mcad", readBoolean(text("mcad"))),
    medMg: take("med_mg", readNumber(text("med_mg"), ...RANGES.medMg)),
    hormesis: take("hormesis", readBoolean(text("hormesis"))),
    onOpioids: take("on_opioids", readBoolean(text("on_opioids"))),
    outcomes,
  };
}

function outcomeRange(name: string): readonly [number, number] {
  if (name.startsWith("bpi_")) return RANGES.bpi;
  if (name.startsWith("promis_")) return RANGES.promis;
  return RANGES.other;
}
