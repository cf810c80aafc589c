/**
 * The clinic's cohort analysis (GET /api/cohort): 004's Table 1 and Table 2, its subgroup and
 * correlation tests, the MED histogram and the hormesis count, on the clinic's own patients,
 * filtered by protocol and start dates, with the responder rate, time to MED and drop-outs.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import {
  CohortFilters,
  CourseCard,
  filterQuery,
  type CohortFilterValues,
} from "../components/cohort-filters.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import type { CohortDto } from "../../../src/http/api/cohort.ts";

/** The API's answer when some patient matches the filters (no tables when none does). */
type Analysis = NonNullable<CohortDto>;
type Analysed = Extract<Analysis, { table1: unknown }>;
type Table1 = Analysed["table1"];
type MeanSd = Pick<Table1["age"], "mean" | "sd">;
type Count = Table1["male"];
type Bins = Analysed["medHistogram"]["bins"];

const SCALE: Readonly<Record<string, string>> = {
  bpi_pain: "BPI pain severity",
  bpi_interference: "BPI interference",
  promis_physical: "PROMIS Global-10 physical",
  promis_mental: "PROMIS Global-10 mental",
  promis_pf: "PROMIS Physical Function",
};

const fmt = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? "—" : v.toFixed(d));
const pText = (p: number | null | undefined) =>
  p === null || p === undefined ? "—" : p < 0.001 ? "< 0.001" : p.toFixed(3);
const meanSd = (s: MeanSd, d = 1) => `${fmt(s.mean, d)} (${fmt(s.sd, d)})`;
const count = (c: Count) => `${c.n} of ${c.known}${c.percent === null ? "" : ` (${c.percent.toFixed(0)}%)`}`;

function Histogram({ bins }: { readonly bins: Bins }) {
  const max = bins.reduce((m, b) => Math.max(m, b.count), 1);
  const barW = 44;
  const W = 40 + bins.length * (barW + 8);
  const H = 180;
  const y = (c: number) => 150 - (c / max) * 120;
  const label = `Histogram of MEDs: ${bins.map((b) => `${b.count} from ${b.fromMg} to ${b.toMg} mg`).join(", ")}`;
  return (
    <svg class="histogram" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <line class="frame" x1={30} x2={W - 6} y1={150} y2={150} />
      {bins.map((b, i) => {
        const x = 36 + i * (barW + 8);
        return (
          <g key={b.fromMg}>
            <rect class="bar" x={x} y={y(b.count)} width={barW} height={150 - y(b.count)} />
            <text class="axis" x={x + barW / 2} y={y(b.count) - 5} text-anchor="middle">
              {b.count}
            </text>
            <text class="axis" x={x + barW / 2} y={166} text-anchor="middle">
              {`${b.fromMg}–${b.toMg}`}
            </text>
          </g>
        );
      })}
      <text class="axis" x={W - 6} y={H - 1} text-anchor="end">
        MED, mg
      </text>
    </svg>
  );
}

const NO_FILTER: CohortFilterValues = { protocol: "", from: "", to: "" };

export function Cohort() {
  const [analysis, setAnalysis] = useState<Analysis | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CohortFilterValues>(NO_FILTER);
  useEffect(() => {
    setError(null);
    api
      .get<Analysis | null>(`/api/cohort${filterQuery(filter)}`)
      .then(setAnalysis, (e) => setError(messageOf(e)));
  }, [filter]);
  if (analysis === undefined && !error) return <p class="loading">Analysing…</p>;
  if (analysis === null) return <p>No patient has a plan yet.</p>;
  return (
    <section>
      <h1>Cohort analysis</h1>
      {analysis && <CohortFilters value={filter} protocols={analysis.protocols} onChange={setFilter} />}
      {error && <ErrorNote message={error} />}
      {analysis && <CohortBody analysis={analysis} />}
    </section>
  );
}

function CohortBody({ analysis }: { readonly analysis: Analysis }) {
  if (!("table1" in analysis)) return <p class="notice">No patient on a plan matches these filters.</p>;
  const t1 = analysis.table1;
  const groups = analysis.medByGroup;
  return (
    <>
      <p class="muted">
        {analysis.patients} patients on a plan, analysed as study 004 did (what the clinic does not record,
        such as BMI or hypermobility, is left out). Outcomes pair the questionnaire before the plan with the
        first at least 4 weeks after the MED.
      </p>
      <CourseCard course={analysis.course} />
      <div class="grid-2">
        <div class="card">
          <h2>Patients (Table 1)</h2>
          <table class="compact">
            <tbody>
              {(
                [
                  ["Female", t1.female.known > 0, count(t1.female)],
                  ["Male", t1.male.known > 0, count(t1.male)],
                  ["Age, mean (SD)", t1.age.n > 0, meanSd(t1.age)],
                  ["BMI, mean (SD)", t1.bmi.n > 0, meanSd(t1.bmi)],
                  ["Hypermobile", t1.hypermobile.known > 0, count(t1.hypermobile)],
                  ["MCAD", t1.mcad.known > 0, count(t1.mcad)],
                  ["On opioids", t1.onOpioids.known > 0, count(t1.onOpioids)],
                  ["Hormesis", t1.hormesis.known > 0, count(t1.hormesis)],
                  [
                    "MED, mg, mean (SD), range",
                    t1.medMg.n > 0,
                    `${meanSd(t1.medMg, 2)}, ${fmt(t1.medMg.min)} to ${fmt(t1.medMg.max)} (n = ${t1.medMg.n})`,
                  ],
                ] as const
              )
                .filter(([, known]) => known)
                .map(([label, , value]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{value}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <div class="card">
          <h2>MEDs found ({analysis.medHistogram.n})</h2>
          {analysis.medHistogram.bins.length > 0 ? (
            <Histogram bins={analysis.medHistogram.bins} />
          ) : (
            <p class="muted">No MED found yet.</p>
          )}
          {groups.hypermobile.n > 0 && groups.others.n > 0 && (
            <p class="small">
              Hypermobile {fmt(groups.hypermobile.mean)} mg (n = {groups.hypermobile.n}) against others{" "}
              {fmt(groups.others.mean)} mg (n = {groups.others.n}): Welch p {pText(groups.p)}.
            </p>
          )}
          {analysis.bmiVsMed.n > 1 && (
            <p class="small">
              BMI and MED: Spearman ρ {fmt(analysis.bmiVsMed.rho)}, p {pText(analysis.bmiVsMed.p)} (n ={" "}
              {analysis.bmiVsMed.n}).
            </p>
          )}
          <p class="small">Hormesis (a higher dose worse than the MED): {analysis.hormesisCount}.</p>
        </div>
      </div>
      <div class="card">
        <h2>Outcomes before and after (Table 2)</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Scale</th>
              <th scope="col">n</th>
              <th scope="col">Before, mean (SD)</th>
              <th scope="col">After, mean (SD)</th>
              <th scope="col">Improvement (95% CI)</th>
              <th scope="col">p, paired t (1-tailed)</th>
              <th scope="col">p, Wilcoxon (1-tailed)</th>
            </tr>
          </thead>
          <tbody>
            {analysis.outcomes.map((o) => (
              <tr key={o.scale}>
                <td>{SCALE[o.scale] ?? o.scale}</td>
                <td>{o.n}</td>
                <td>{meanSd(o.pre, 2)}</td>
                <td>{meanSd(o.post, 2)}</td>
                <td>
                  {fmt(o.improvement.mean)}{" "}
                  {o.improvement.ci95
                    ? `(${fmt(o.improvement.ci95[0])} to ${fmt(o.improvement.ci95[1])})`
                    : ""}
                </td>
                {o.notTested ? (
                  <td colSpan={2} class="not-tested">
                    {o.notTested.text}
                  </td>
                ) : (
                  <>
                    <td>{pText(o.pOneTailed)}</td>
                    <td>{pText(o.wilcoxon?.pOneTailed)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="small muted">
          Improvement is positive when patients got better, whichever way the scale runs. With few patients
          the tests say little; n is in each row. Below 5 patients with answers before and after, no test is
          computed: with 4 the smallest possible p of the signed-rank test is 0.0625 (a design setting).
        </p>
      </div>
    </>
  );
}
