/**
 * `ldn analyze COHORT.csv`: runs 004's analysis (Tables 1 and 2, MED by hEDS/HSD, BMI vs
 * MED, the MED histogram) on a clinic's own cohort. Rows with unreadable cells are
 * reported on stderr with line and column and left out; the rest is analysed. The file is
 * streamed: each row is read, added to the running analysis and dropped (issue 14).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { CohortAccumulator } from "../../domain/cohort/analyze-cohort.ts";
import { CohortReader } from "../../domain/cohort/parse-cohort.ts";
import { formatOption, printJson } from "../output.ts";
import { cohortHtml } from "../render/cohort-html.ts";
import { cohortMarkdown } from "../render/cohort-markdown.ts";
import { streamCohortCsv } from "./cohort-csv.ts";

interface AnalyzeFlags {
  higherIsBetter: string[];
  lowerIsBetter: string[];
  format: "md" | "json";
  out?: string;
}

/** The name of the report written into --out DIR. */
export const REPORT_FILE = "cohort-report.html";

const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value.split(",").map((s) => s.trim()),
];

/**
 * Adds `ldn analyze` to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  program
    .command("analyze")
    .description(
      "run the study's analysis (004 Tables 1 and 2, subgroup, correlation, MED histogram) on a cohort CSV",
    )
    .argument("<cohort.csv>", "one row per patient (columns: see the README)")
    .option("--higher-is-better <scale>", "a scale that improves upwards (repeatable)", collect, [])
    .option("--lower-is-better <scale>", "a scale that improves downwards (repeatable)", collect, [])
    .addOption(formatOption(["md", "json"]))
    .option("--out <dir>", `also write ${REPORT_FILE} (tables and SVG figures) into this directory`)
    .addHelpText(
      "after",
      `
Columns: patient_id, sex, age, bmi, hypermobile, mcad, med_mg, hormesis, on_opioids,
and outcome pairs <scale>_pre / <scale>_post. bpi_* improve downwards, promis_* upwards;
name any other scale with --higher-is-better or --lower-is-better. Empty cells are missing.

Examples:
  ldn analyze cohort.csv
  ldn analyze cohort.csv --higher-is-better sleep_quality --format json
  ldn analyze cohort.csv --out report/`,
    )
    .action(async (file: string, flags: AnalyzeFlags) => {
      const { reader, accumulator } = await readCohort(file, flags);
      const analysis = accumulator.analysis(reader);
      for (const p of reader.problems) {
        const where = p.column ? `line ${p.line}, column ${p.column}` : `line ${p.line}`;
        process.stderr.write(
          `ldn: ${file}: ${where}: ${JSON.stringify(p.value)} ${p.message}; row left out\n`,
        );
      }
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        const path = join(flags.out, REPORT_FILE);
        writeFileSync(path, cohortHtml(analysis, accumulator.prePostFigures(analysis), basename(file)));
        process.stderr.write(`ldn: wrote ${path}\n`);
      }
      if (flags.format === "json") printJson(analysis);
      else process.stdout.write(cohortMarkdown(analysis));
    });
}

/** Streams the file through the reader into the running analysis. */
async function readCohort(file: string, flags: AnalyzeFlags) {
  let reader: CohortReader | undefined;
  let accumulator: CohortAccumulator | undefined;
  await streamCohortCsv(file, {
    header(cells) {
      reader = new CohortReader(cells, {
        higherIsBetter: flags.higherIsBetter,
        lowerIsBetter: flags.lowerIsBetter,
      });
      accumulator = new CohortAccumulator(reader.scales);
    },
    row(line, cells) {
      const patient = reader!.read(line, cells);
      if (patient) accumulator!.add(patient);
    },
  });
  return { reader: reader!, accumulator: accumulator! };
}
