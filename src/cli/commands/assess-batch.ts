/**
 * One batch of `ldn assess` input, assessed: the work each worker thread does (and the main
 * thread, for input too small to be worth a worker). A batch is a run of whole input lines
 * with the number of its first line; the answer is the batch's output lines, in order, as
 * one string, and how many of them are error lines.
 */
import { badRequest } from "../../domain/errors.ts";
import { problemOf } from "../../domain/problem.ts";
import { assessTitration } from "../../domain/titration/assess-titration.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import type { Detector } from "../../domain/titration/detectors/detector.ts";
import { parseTitrationRecord } from "../../domain/titration/parse-titration-record.ts";
import { assessmentLine, errorLine } from "../render/assessment-json.ts";

export interface BatchResult {
  /** One JSON line per non-blank input line, each ending in a newline ("" when none). */
  readonly text: string;
  /** Error lines among them. */
  readonly failed: number;
}

/**
 * Assesses every line of `text` (lines split on "\n", a "\r" before it dropped, blank lines
 * skipped but counted), numbering them from `firstLine`.
 *
 * @example assessBatch('{"id":"p1",...}\n{oops\n', 1, "robust") // { text: '{"line":1,...}\n{"line":2,...}\n', failed: 1 }
 */
export function assessBatch(text: string, firstLine: number, detectorName: string): BatchResult {
  const detector = chooseDetector(detectorName, "--detector");
  const lines = text.split("\n");
  // Text ending in a newline splits into one empty string more, which is not a line.
  if (lines.at(-1) === "") lines.pop();
  const out: string[] = [];
  let failed = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    const result = assessOne(line, firstLine + i, detector);
    if (!result.ok) failed += 1;
    out.push(result.text);
  }
  return { text: out.length === 0 ? "" : out.join("\n") + "\n", failed };
}

interface LineResult {
  readonly text: string;
  readonly ok: boolean;
}

/** One patient's line: its assessment, or an error line naming the line and the field. */
function assessOne(text: string, line: number, detector: Detector): LineResult {
  let id: string | undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && "id" in value) id = String((value as { id: unknown }).id);
    const record = parseTitrationRecord(value, detector);
    return { text: assessmentLine(line, record.id, assessTitration(record)), ok: true };
  } catch (error) {
    // The same normaliser as the server's answers and the CLI's messages.
    const problem = problemOf(
      error instanceof SyntaxError ? badRequest("line", `not JSON: ${error.message}`) : error,
    );
    if (problem)
      return { text: errorLine(line, id, problem.code, problem.field ?? "", problem.message), ok: false };
    throw error;
  }
}
