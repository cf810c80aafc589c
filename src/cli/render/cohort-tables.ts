/**
 * The tables of `ldn analyze`, laid out as 004 prints them (Table 1, Table 2, the MED
 * subgroup and BMI correlation results), as plain header/rows data that the Markdown and
 * HTML renderers both draw, so the two can never disagree.
 */
import type { CohortAnalysis } from "../../domain/cohort/analyze-cohort.ts";
import type { OutcomeResult } from "../../domain/cohort/outcome-analysis.ts";
import type { Count, Summary } from "../../domain/cohort/table1.ts";

export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes: readonly string[];
}

/** A number to `decimals` places, or "n/a" when the statistic is not defined. */
export function num(value: number | null, decimals: number): string {
  return value === null ? "n/a" : value.toFixed(decimals);
}

/** p as papers print it: "< 0.001", three decimals below 0.1, two above. */
export function pValue(p: number | null): string {
  if (p === null) return "n/a";
  if (p < 0.001) return "< 0.001";
  return p < 0.1 ? p.toFixed(3) : p.toFixed(2);
}

/** "p < 0.001" or "p = 0.25": pValue with its relation. */
export function pIs(p: number | null): string {
  const text = pValue(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** "bpi_pain" -> "BPI pain", "promis_gmh" -> "PROMIS gmh", "sleep_quality" -> "sleep quality". */
export function scaleLabel(scale: string): string {
  return scale.replace(/^(bpi|promis)_/, (_, p: string) => `${p.toUpperCase()} `).replace(/_/g, " ");
}

const count = (c: Count) => (c.percent === null ? "n/a" : `${c.n} (${c.percent.toFixed(1)}%)`);
const meanSdRange = (s: Summary, d: number) =>
  s.n === 0 ? "n/a" : `${num(s.mean, d)} (${num(s.sd, d)}), ${s.min}-${s.max} (n = ${s.n})`;

/**
 * @example cohortTables(analysis)[1].title; // "Table 2. Outcomes before and after titration"
 */
export function cohortTables(a: CohortAnalysis): ReportTable[] {
  return [table1(a), table2(a), medTable(a), correlationTable(a), histogramTable(a)];
}

function table1(a: CohortAnalysis): ReportTable {
  const t = a.table1;
  const sex = `${t.male.n} / ${t.female.n}` + (t.otherSex.n > 0 ? ` / ${t.otherSex.n} other` : "");
  return {
    title: `Table 1. Patients (n = ${t.patients})`,
    header: ["characteristic", "value"],
    rows: [
      ["sex, male / female", sex],
      ["age, years: mean (SD), range", meanSdRange(t.age, 2)],
      ["BMI: mean (SD), range", meanSdRange(t.bmi, 1)],
      ["hEDS/HSD", count(t.hypermobile)],
      ["MCAD", count(t.mcad)],
      ["on opioids", count(t.onOpioids)],
      ["hormesis", count(t.hormesis)],
      ["MED, mg/day: mean (SD), range", meanSdRange(t.medMg, 2)],
    ],
    notes: ["Percentages are of the patients with the item recorded."],
  };
}

function table2(a: CohortAnalysis): ReportTable {
  return {
    title: "Table 2. Outcomes before and after titration",
    header: [
      "scale",
      "n",
      "pre mean (SD)",
      "post mean (SD)",
      "p (1-tailed)",
      "improvement (95% CI)",
      "Wilcoxon p (1-tailed)",
      "dz",
    ],
    rows: a.outcomes.map(outcomeRow),
    notes: [
      "Paired t-tests; improvement is signed so that positive is better (pre - post where lower is better, post - pre where higher is better); 004 printed pre - post for every scale, so its PROMIS rows have the opposite sign.",
      "Wilcoxon signed-rank, one-tailed like the t-test: exact, exact permutation or normal approximation, as scipy's wilcoxon chooses (the JSON says which, and gives the two-tailed p).",
      // Why a row has no p: too few pairs (fewer than 5, a design setting) or no variation.
      ...a.outcomes.filter((o) => o.notTested).map((o) => `${scaleLabel(o.scale)}: ${o.notTested!.text}`),
    ],
  };
}

function outcomeRow(o: OutcomeResult): string[] {
  const ci = o.improvement.ci95;
  return [
    `${scaleLabel(o.scale)} (${o.direction === "higher-is-better" ? "higher" : "lower"} is better)`,
    String(o.n),
    `${num(o.pre.mean, 2)} (${num(o.pre.sd, 2)})`,
    `${num(o.post.mean, 2)} (${num(o.post.sd, 2)})`,
    pValue(o.pOneTailed),
    `${num(o.improvement.mean, 2)} (${ci ? `${num(ci[0], 2)} to ${num(ci[1], 2)}` : "n/a"})`,
    pValue(o.wilcoxon?.pOneTailed ?? null),
    num(o.dz, 2),
  ];
}

function medTable(a: CohortAnalysis): ReportTable {
  const m = a.medByGroup;
  const row = (label: string, s: Summary) => [label, String(s.n), `${num(s.mean, 2)} (${num(s.sd, 2)})`];
  return {
    title: "MED by hEDS/HSD",
    header: ["group", "n", "MED mg/day, mean (SD)"],
    rows: [row("hEDS/HSD", m.hypermobile), row("others", m.others)],
    notes: [
      `Welch's t = ${num(m.t, 2)}, df = ${num(m.df, 1)}, ${pIs(m.p)} ` +
        `(Student's pooled t-test: ${pIs(m.student.p)}).`,
    ],
  };
}

function correlationTable(a: CohortAnalysis): ReportTable {
  const c = a.bmiVsMed;
  return {
    title: "BMI vs MED",
    header: ["test", "rho", "p", "n"],
    rows: [["Spearman", num(c.rho, 3), pValue(c.p), String(c.n)]],
    notes: [],
  };
}

function histogramTable(a: CohortAnalysis): ReportTable {
  const h = a.medHistogram;
  const atMost2 = h.bins.filter((b) => b.toMg <= 2).reduce((s, b) => s + b.count, 0);
  return {
    title: "MED histogram",
    header: ["MED, mg/day", "patients"],
    rows: h.bins.map((b) => [`${b.fromMg} < MED <= ${b.toMg}`, `${b.count} ${"#".repeat(b.count)}`]),
    notes: [
      `${atMost2} of ${h.n} patients at 2 mg/day or less; hormesis in ${a.hormesisCount} of ${a.table1.hormesis.known}.`,
    ],
  };
}
