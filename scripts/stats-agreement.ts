/**
 * Compares src/domain/stats with scipy's reference values in test/fixtures/stats/ (made
 * by scripts/make-stats-fixtures.py) and reports how closely they agree:
 *
 *     npx tsx scripts/stats-agreement.ts
 *     # 1234 comparisons, largest relative error 3.1e-15 (...)
 *
 * test/stats-agreement.test.ts runs the same comparison and fails above 1e-9.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe } from "../src/domain/stats/descriptive.ts";
import { pairedTTest } from "../src/domain/stats/paired-t-test.ts";
import { spearman } from "../src/domain/stats/spearman.ts";
import { runningMoments } from "../src/domain/stats/running-moments.ts";
import {
  studentTTest,
  studentTTestFromSummaries,
  welchTTest,
  welchTTestFromSummaries,
} from "../src/domain/stats/unpaired-t-test.ts";
import { wilcoxonSignedRank } from "../src/domain/stats/wilcoxon-signed-rank.ts";

export const FIXTURE_DIR = resolve(import.meta.dirname, "../test/fixtures/stats");

/** The tolerance the issue asks for, on every statistic and p-value. */
export const MAX_RELATIVE_ERROR = 1e-9;

type Json = number | string | null | boolean | Json[] | { [key: string]: Json };
interface FixtureCase {
  readonly name: string;
  readonly x: Json[];
  readonly y?: Json[];
  readonly expected: Record<string, Json>;
}

/** One value compared with scipy's. */
export interface Comparison {
  readonly fixture: string;
  readonly caseName: string;
  readonly field: string;
  readonly expected: Json;
  readonly actual: unknown;
  /** Relative error (absolute when scipy's value is 0); Infinity for a mismatch of kind. */
  readonly error: number;
}

export interface Agreement {
  readonly comparisons: readonly Comparison[];
  readonly largest: Comparison;
}

interface Subject {
  /** The fixture file (without .json). */
  readonly fixture: string;
  readonly run: (x: number[], y: number[]) => object;
  /** The expected fields it is compared on (all when absent). */
  readonly fields?: readonly string[];
  /** Expected values smaller than this in magnitude are compared absolutely (see running-moments). */
  readonly absoluteBelow?: number;
}

/**
 * Which function each fixture file checks, by name. The streamed forms (issue 14: `ldn
 * analyze` reads a registry one row at a time) are checked on the same scipy values as the
 * array forms.
 */
export const SUBJECTS: Readonly<Record<string, Subject>> = {
  "paired-t-test": { fixture: "paired-t-test", run: pairedTTest },
  "wilcoxon-signed-rank": { fixture: "wilcoxon-signed-rank", run: wilcoxonSignedRank },
  "welch-t-test": { fixture: "welch-t-test", run: welchTTest },
  "student-t-test": { fixture: "student-t-test", run: studentTTest },
  spearman: { fixture: "spearman", run: spearman },
  descriptive: { fixture: "descriptive", run: (x) => describe(x) },
  "running-moments": {
    fixture: "descriptive",
    run: (x) => {
      const m = runningMoments(x);
      return { n: m.n, mean: m.mean, sd: m.sd, min: m.min, max: m.max };
    },
    fields: ["n", "mean", "sd", "min", "max"],
    // The SD of [3.3, 3.3, 3.3] is exactly 0 here and 5.4e-16 in numpy (its mean of three
    // 3.3s rounds): rounding noise about zero, compared absolutely rather than relatively.
    absoluteBelow: 1e-12,
  },
  "welch-t-test from running moments": {
    fixture: "welch-t-test",
    run: (x, y) => welchTTestFromSummaries(runningMoments(x), runningMoments(y)),
  },
  "student-t-test from running moments": {
    fixture: "student-t-test",
    run: (x, y) => studentTTestFromSummaries(runningMoments(x), runningMoments(y)),
  },
};

/** Decodes the fixtures' spelling of non-finite numbers. */
function decode(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  return value;
}

function numericError(expected: number, actual: unknown, absoluteBelow = 0): number {
  if (typeof actual !== "number") return Infinity;
  if (Number.isNaN(expected)) return Number.isNaN(actual) ? 0 : Infinity;
  if (!Number.isFinite(expected)) return actual === expected ? 0 : Infinity;
  if (expected === 0 || Math.abs(expected) < absoluteBelow) return Math.abs(actual - expected);
  return Math.abs(actual - expected) / Math.abs(expected);
}

function compareField(
  expected: unknown,
  actual: unknown,
  push: (error: number, suffix: string) => void,
  absoluteBelow?: number,
) {
  if (Array.isArray(expected)) {
    expected.forEach((e, i) =>
      compareField(
        e,
        Array.isArray(actual) ? actual[i] : undefined,
        (err, s) => push(err, `[${i}]${s}`),
        absoluteBelow,
      ),
    );
  } else if (typeof expected === "number") {
    push(numericError(expected, actual, absoluteBelow), "");
  } else {
    push(expected === actual ? 0 : Infinity, "");
  }
}

/**
 * Runs every fixture case through its function and compares every expected field.
 *
 * @example
 * const { comparisons, largest } = compareWithScipy();
 */
export function compareWithScipy(dir = FIXTURE_DIR): Agreement {
  const comparisons: Comparison[] = [];
  for (const [fixture, subject] of Object.entries(SUBJECTS)) {
    const path = join(dir, `${subject.fixture}.json`);
    const doc = JSON.parse(readFileSync(path, "utf8")) as { cases: FixtureCase[] };
    for (const c of doc.cases) {
      const actual = subject.run(decode(c.x) as number[], decode(c.y ?? []) as number[]) as Record<
        string,
        unknown
      >;
      for (const [field, expectedJson] of Object.entries(c.expected)) {
        if (subject.fields && !subject.fields.includes(field)) continue;
        compareField(
          decode(expectedJson),
          actual[field],
          (error, suffix) =>
            comparisons.push({
              fixture,
              caseName: c.name,
              field: field + suffix,
              expected: expectedJson,
              actual: actual[field],
              error,
            }),
          subject.absoluteBelow,
        );
      }
    }
  }
  const largest = comparisons.reduce((a, b) => (b.error > a.error ? b : a));
  return { comparisons, largest };
}

/** The one-line summary the test and this script print. */
export function summarize({ comparisons, largest }: Agreement): string {
  return (
    `${comparisons.length} comparisons, largest relative error ${largest.error.toExponential(2)} ` +
    `(${largest.fixture}: ${largest.caseName}: ${largest.field})`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const agreement = compareWithScipy();
  process.stdout.write(summarize(agreement) + "\n");
  const bad = agreement.comparisons.filter((c) => !(c.error <= MAX_RELATIVE_ERROR));
  for (const c of bad) {
    process.stdout.write(
      `  above ${MAX_RELATIVE_ERROR}: ${c.fixture}: ${c.caseName}: ${c.field}: scipy ${JSON.stringify(c.expected)}, ours ${String(c.actual)}\n`,
    );
  }
  process.exitCode = bad.length === 0 ? 0 : 1;
}
