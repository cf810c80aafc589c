/** `ldn analyze --format md`: the report's tables as GitHub-flavoured Markdown. */
import type { CohortAnalysis } from "../../domain/cohort/analyze-cohort.ts";
import { cohortTables, type ReportTable } from "./cohort-tables.ts";

const cell = (s: string) => s.replace(/\|/g, "\\|");

function markdownTable(t: ReportTable): string {
  const lines = [
    `## ${t.title}`,
    "",
    `| ${t.header.map(cell).join(" | ")} |`,
    `|${t.header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...t.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
  for (const note of t.notes) lines.push("", note);
  return lines.join("\n");
}

/**
 * @example cohortMarkdown(analysis); // "## Table 1. Patients (n = 41)\n\n| characteristic | value |..."
 */
export function cohortMarkdown(a: CohortAnalysis): string {
  const parts = cohortTables(a).map(markdownTable);
  if (a.problems.length > 0) {
    parts.push(
      [
        `## Rows left out (${a.rowsLeftOut})`,
        "",
        ...a.problems.map(
          (p) =>
            `- line ${p.line}${p.column ? `, column ${p.column}` : ""}: ${JSON.stringify(p.value)} ${p.message}`,
        ),
      ].join("\n"),
    );
  }
  if (a.ignoredColumns.length > 0) parts.push(`Columns not analysed: ${a.ignoredColumns.join(", ")}.`);
  return parts.join("\n\n") + "\n";
}
