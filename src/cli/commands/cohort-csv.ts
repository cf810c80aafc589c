/**
 * Reads a cohort CSV file into the header-and-rows table the domain parses. csv-parse
 * does the CSV itself (quoted fields, embedded commas and newlines, a byte-order mark
 * from spreadsheet exports), which splitting lines on commas would get wrong.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { DomainError } from "../../domain/errors.ts";
import type { CohortTable } from "../../domain/cohort/parse-cohort.ts";

interface Parsed {
  readonly info: { readonly lines: number };
  readonly record: string[];
}

/**
 * The file's header and rows, each row with the line it ends on (for messages).
 *
 * @example readCohortCsv("cohort.csv").header; // ["patient_id", "sex", ...]
 */
export function readCohortCsv(path: string): CohortTable {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DomainError("not_found", `${path}: cannot read the file (${code ?? "error"})`, {
      field: "COHORT.csv",
      value: path,
    });
  }
  let records: Parsed[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      // Rows with too few or too many cells are reported by line, not fatal to the file.
      relax_column_count: true,
    }) as unknown as Parsed[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new DomainError("invalid_argument", `${path}: line ${e.lines ?? "?"}: ${e.message}`, {
      line: e.lines,
    });
  }
  const [head, ...rows] = records;
  if (!head) throw new DomainError("invalid_argument", `${path}: the file is empty`, { value: path });
  return { header: head.record, rows: rows.map((r) => ({ line: r.info.lines, cells: r.record })) };
}
