/** `ldn score --format table`: the items as answered, the scores, then why any score is missing. */
import type { InstrumentScoring, ScoreResult, ScoredItem } from "../../domain/instruments/instrument.ts";
import { textTable } from "./text-table.ts";

/**
 * Display text of a score: T-scores to one decimal as the published tables print them; raw
 * scores and BPI means to at most two decimals.
 *
 * @example formatScoreValue("gph-t", 57) // "57.0"
 * @example formatScoreValue("interference", 35 / 7) // "5"
 */
export function formatScoreValue(id: string, value: number): string {
  if (id.endsWith("-t")) return value.toFixed(1);
  return String(Math.round(value * 100) / 100);
}

function answerText(item: ScoredItem): string {
  if (item.answer === null) return "-";
  return item.scored !== item.answer ? `${item.answer} (scored ${item.scored})` : String(item.answer);
}

function valueText(score: ScoreResult): string {
  if (score.status === "not-computed") return "not computed";
  const value = formatScoreValue(score.id, score.value);
  return score.standardError === null ? value : `${value} (SE ${score.standardError.toFixed(1)})`;
}

/**
 * The scored questionnaire as aligned text tables with reasons and notes.
 *
 * @example process.stdout.write(scoreTable(scoreBpi({ worst: 7 })))
 */
export function scoreTable(result: InstrumentScoring): string {
  const items = textTable(
    ["Item", "Label", "Answer"],
    result.items.map((item) => [item.id, item.label, answerText(item)]),
  );
  const scores = textTable(
    ["Score", "Value", "LOINC"],
    result.scores.map((score) => [score.label, valueText(score), score.loinc ?? "-"]),
  );
  const missing = result.scores.filter((s) => s.status === "not-computed");
  const sources = [...new Set(result.scores.map((s) => s.source))];
  return [
    `${result.title}${result.loinc === null ? "" : ` (LOINC ${result.loinc})`}\n\n`,
    items,
    "\n",
    scores,
    section(
      "Not computed",
      missing.map((s) => `${s.label}: ${s.status === "not-computed" ? s.reason : ""}`),
    ),
    section(
      "Notes",
      result.notes.map((n) => `- ${n}`),
    ),
    section("Sources", sources),
  ].join("");
}

function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? "" : `\n${title}:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}
