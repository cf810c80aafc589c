/**
 * `ldn assess [FILE]`: the batch interface other programs read. JSON Lines in (one patient
 * per line, standard input when no file), one JSON line out per patient, in input order.
 * A bad line gives an error line naming the line number and the field; the other lines are
 * still assessed. Lines are streamed in batches to worker threads, one per core, and the
 * answers written in input order (assess-pool.ts), so 100,000 patients need no more memory
 * than a few batches.
 */
import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { Option, type Command } from "commander";
import { invalidArgument } from "../../domain/errors.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import { DETECTOR_NAMES } from "../../domain/titration/detectors/detector.ts";
import { assessStream } from "./assess-pool.ts";

/**
 * Exit status when at least one line could not be assessed (the others still were): 3, apart
 * from 2, a usage error that assessed nothing (docs/errors.md).
 */
export const EXIT_SOME_LINES_FAILED = 3;

/**
 * Adds `ldn assess` to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  program
    .command("assess")
    .argument("[file]", "JSON Lines file, one patient per line (default: standard input)")
    .description("read patients' diaries (JSON Lines) and say where each stands and what to take tomorrow")
    .addOption(
      new Option("--detector <name>", "response detector for lines that do not name one")
        .choices(DETECTOR_NAMES)
        .default("robust"),
    )
    .addHelpText(
      "after",
      `
Each input line is one patient:
  {"id": "p1", "protocol": "micro-titration", "start": "2027-01-04", "baseline": [7, 6, 7],
   "days": [{"date": "2027-01-04", "doses": [{"time": "08:00", "ug": 100}], "pain": 6,
             "mood": 5, "energy": 4, "clarity": 5, "sideEffects": [], "impression": "same"}]}
Optional: "settings", "decisions" (clinician decisions), "asOf", "detector", and
"opioids": {"names": ["oxycodone"], "mmePerDay": 60} (recorded at screening).
Each output line: {"line", "id", "state", "medUg", "next": {"totalUg", "doses"}, "hormesis", "reasons",
"reasonData": [{"code", "date", "text", "values"}] (the reasons as data),
"alerts": [{"code", "date", "message", "patientMessage"?}], ...} (alerts empty when none)
or, for a bad line, {"line", "id", "error", "code", "field"}. Blank lines are skipped.
Exit status 3 when any line had an error (2: a usage error, nothing assessed). Lines are assessed in parallel by --workers
threads (default one per core); the output is always in input order.

Examples:
  ldn assess patients.jsonl
  cat patients.jsonl | ldn assess --detector literal
  ldn assess patients.jsonl --workers 0   # all in one thread`,
    )
    .addOption(
      new Option("--workers <n>", "worker threads assessing in parallel (0: all in the main thread)")
        .default(availableParallelism(), "one per core")
        .argParser(workerCount),
    )
    .action(async (file: string | undefined, flags: { detector: string; workers: number }) => {
      chooseDetector(flags.detector, "--detector");
      const input = file === undefined ? process.stdin : createReadStream(file);
      const failed = await assessStream(input, write, { detector: flags.detector, workers: flags.workers });
      if (failed > 0) process.exitCode = EXIT_SOME_LINES_FAILED;
    });
}

/** At most this many workers: more than the machine's cores only adds switching. */
const MAX_WORKERS = 64;

function workerCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
    throw invalidArgument("--workers", text, `must be a whole number from 0 to ${MAX_WORKERS}`);
  }
  return n;
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}
