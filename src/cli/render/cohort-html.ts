/**
 * The self-contained HTML report of `ldn analyze --out DIR`: the same tables as
 * `--format md`, the MED histogram and a pre/post plot per scale, inline SVG and CSS,
 * no scripts and nothing fetched, so it can be mailed or archived as one file.
 */
import type { CohortAnalysis, PrePostFigure } from "../../domain/cohort/analyze-cohort.ts";
import { cohortTables, type ReportTable } from "./cohort-tables.ts";
import { medHistogramSvg, prePostSvg } from "./cohort-svg.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function htmlTable(t: ReportTable): string {
  return [
    `<h2>${esc(t.title)}</h2>`,
    "<table>",
    `<tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`,
    ...t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`),
    "</table>",
    ...t.notes.map((n) => `<p class="note">${esc(n)}</p>`),
  ].join("\n");
}

/**
 * @example cohortHtml(analysis, accumulator.prePostFigures(analysis), "cohort.csv"); // "<!doctype html>..."
 */
export function cohortHtml(a: CohortAnalysis, figures: readonly PrePostFigure[], source: string): string {
  const [t1, t2, med, corr, histogram] = cohortTables(a);
  const plots = figures.map((f) => prePostSvg(f));
  const problems =
    a.problems.length === 0
      ? ""
      : `<h2>Rows left out (${a.rowsLeftOut})</h2>\n<ul>${a.problems
          .map(
            (p) =>
              `<li>line ${p.line}${p.column ? `, column ${esc(p.column)}` : ""}: ${esc(JSON.stringify(p.value))} ${esc(p.message)}</li>`,
          )
          .join("")}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ldn analyze: ${esc(source)}</title>
<style>
body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.note { color: #555; font-size: 0.9rem; }
.plots { display: flex; flex-wrap: wrap; gap: 1rem; }
</style>
</head>
<body>
<h1>Cohort analysis: ${esc(source)}</h1>
<p>${a.patients} patients analysed${a.rowsLeftOut > 0 ? `, ${a.rowsLeftOut} rows left out (listed below)` : ""}. The analysis of Marcus et al., J Pain Res 2024 (004).</p>
${[t1, t2].map((t) => htmlTable(t!)).join("\n")}
<h2>Before and after, per scale</h2>
<div class="plots">
${plots.join("\n")}
</div>
${[med, corr].map((t) => htmlTable(t!)).join("\n")}
<h2>MED histogram</h2>
${medHistogramSvg(a.medHistogram)}
${histogram!.notes.map((n) => `<p class="note">${esc(n)}</p>`).join("\n")}
${problems}
</body>
</html>
`;
}
