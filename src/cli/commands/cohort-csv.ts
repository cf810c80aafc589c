/**
 * Streams a cohort CSV file row by row into the domain's reader. csv-parse does the CSV
 * itself (quoted fields, embedded commas and newlines, a byte-order mark from spreadsheet
 * exports), which splitting lines on commas would get wrong. Nothing of the file is kept
 * here: each row is handed on and dropped, so a registry's million rows stream through in
 * the memory of a few (issue 14).
 */
import { createReadStream } from "node:fs";
import { CsvError, parse } from "csv-parse";
import { DomainError } from "../../domain/errors.ts";

interface Parsed {
  readonly info: { readonly lines: number };
  readonly record: string[];
}

/** What to do with the header, then with each row (its cells and the line it ends on). */
export interface CohortCsvVisitor {
  header(cells: readonly string[]): void;
  row(line: number, cells: readonly string[]): void;
}

/**
 * Reads the file, calling `visit.header` once and `visit.row` for every further row.
 * Throws `not_found` when the file cannot be read, `invalid_argument` (with the line) when
 * it is not CSV or is empty; a visitor's own error stops the reading and is passed on.
 *
 * @example
 * await streamCohortCsv("cohort.csv", { header: (h) => ..., row: (line, cells) => ... });
 */
export async function streamCohortCsv(path: string, visit: CohortCsvVisitor): Promise<void> {
  const source = createReadStream(path);
  const parser = parse({
    info: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    // Rows with too few or too many cells are reported by line, not fatal to the file.
    relax_column_count: true,
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let seenHeader = false;
  try {
    for await (const { info, record } of parser as AsyncIterable<Parsed>) {
      if (seenHeader) visit.row(info.lines, record);
      else {
        visit.header(record);
        seenHeader = true;
      }
    }
  } catch (error) {
    source.destroy();
    throw readingError(path, error);
  }
  if (!seenHeader) throw new DomainError("invalid_argument", `${path}: the file is empty`, { value: path });
}

function readingError(path: string, error: unknown): unknown {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new DomainError("invalid_argument", `${path}: line ${line ?? "?"}: ${error.message}`, { line });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (!(error instanceof DomainError) && typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    return new DomainError("not_found", `${path}: cannot read the file (${code})`, {
      field: "COHORT.csv",
      value: path,
    });
  }
  return error;
}
