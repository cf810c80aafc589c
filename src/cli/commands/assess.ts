/**
 * `ldn assess [FILE]`: the batch interface other programs read. JSON Lines in (one patient
 * per line, standard input when no file), one JSON line out per patient, in input order.
 * A bad line gives an error line naming the line number and the field; the other lines are
 * still assessed. Lines are streamed, so 100,000 patients need no more memory than one.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Option, type Command } from "commander";
import { DomainError } from "../../domain/errors.ts";
import { assessTitration } from "../../domain/titration/assess-titration.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import { DETECTOR_NAMES } from "../../domain/titration/detectors/detector.ts";
import { parseTitrationRecord } from "../../domain/titration/parse-titration-record.ts";
import { assessmentLine, errorLine } from "../render/assessment-json.ts";

/** Exit status when at least one line could not be assessed (the others still were). */
export const EXIT_SOME_LINES_FAILED = 2;

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
"alerts": [{"code", "date", "message", "patientMessage"?}], ...} (alerts empty when none)
or, for a bad line, {"line", "id", "error", "code", "field"}. Blank lines are skipped.
Exit status 2 when any line had an error.

Examples:
  ldn assess patients.jsonl
  cat patients.jsonl | ldn assess --detector literal`,
    )
    .action(async (file: string | undefined, flags: { detector: string }) => {
      const detector = chooseDetector(flags.detector, "--detector");
      const input = file === undefined ? process.stdin : createReadStream(file);
      const failed = await assessLines(input, (text, line) => assessOne(text, line, detector));
      if (failed > 0) process.exitCode = EXIT_SOME_LINES_FAILED;
    });
}

interface LineResult {
  readonly text: string;
  readonly ok: boolean;
}

function assessOne(text: string, line: number, detector: ReturnType<typeof chooseDetector>): LineResult {
  let id: string | undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && "id" in value) id = String((value as { id: unknown }).id);
    const record = parseTitrationRecord(value, detector);
    return { text: assessmentLine(line, record.id, assessTitration(record)), ok: true };
  } catch (error) {
    if (error instanceof SyntaxError) {
      return { text: errorLine(line, id, "invalid_json", "line", `not JSON: ${error.message}`), ok: false };
    }
    if (error instanceof DomainError) {
      return {
        text: errorLine(line, id, error.code, String(error.details.field ?? ""), error.message),
        ok: false,
      };
    }
    throw error;
  }
}

/** Reads lines one at a time and writes each answer as it goes; returns how many failed. */
async function assessLines(
  input: NodeJS.ReadableStream,
  assess: (text: string, line: number) => LineResult,
): Promise<number> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let failed = 0;
  let buffer: string[] = [];
  for await (const text of reader) {
    line += 1;
    if (text.trim() === "") continue;
    const out = assess(text, line);
    if (!out.ok) failed += 1;
    buffer.push(out.text);
    // Write in batches: one write per line would dominate the time of a 100,000-line run.
    if (buffer.length >= 256) {
      await write(buffer.join("\n") + "\n");
      buffer = [];
    }
  }
  if (buffer.length) await write(buffer.join("\n") + "\n");
  return failed;
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}
