/** The clinic's cohort analysis: 004's outcomes table and MED histogram on its own patients. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";

interface Outcome {
  readonly scale: string;
  readonly n: number;
  readonly pre: { mean: number | null; sd: number | null };
  readonly post: { mean: number | null; sd: number | null };
  readonly pOneTailed: number | null;
  readonly improvement: { mean: number | null; ci95: [number, number] | null };
}
interface Analysis {
  readonly patients: number;
  readonly outcomes: readonly Outcome[];
  readonly medHistogram: {
    readonly binWidthMg?: number;
    readonly n: number;
    readonly bins: readonly { fromMg: number; toMg: number; count: number }[];
  };
  readonly hormesisCount: number;
}

const fmt = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? "—" : v.toFixed(d));

export function Cohort() {
  const [analysis, setAnalysis] = useState<Analysis | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<Analysis | null>("/api/cohort").then(setAnalysis, (e) => setError(messageOf(e)));
  }, []);
  if (error) return <ErrorNote message={error} />;
  if (analysis === undefined) return <p class="loading">Analysing…</p>;
  if (analysis === null) return <p>No patient has a plan yet.</p>;
  const bins = analysis.medHistogram.bins;
  const max = Math.max(1, ...bins.map((b) => b.count));
  return (
    <section>
      <h1>Cohort analysis</h1>
      <p class="muted">
        {analysis.patients} patients on a plan; hormesis seen in {analysis.hormesisCount}. Outcomes pair the
        questionnaire before the plan with the first at least 4 weeks after the MED (004).
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Scale</th>
            <th scope="col">n</th>
            <th scope="col">Before, mean (SD)</th>
            <th scope="col">After, mean (SD)</th>
            <th scope="col">Improvement (95% CI)</th>
            <th scope="col">p (1-tailed)</th>
          </tr>
        </thead>
        <tbody>
          {analysis.outcomes.map((o) => (
            <tr key={o.scale}>
              <td>{o.scale}</td>
              <td>{o.n}</td>
              <td>
                {fmt(o.pre.mean)} ({fmt(o.pre.sd)})
              </td>
              <td>
                {fmt(o.post.mean)} ({fmt(o.post.sd)})
              </td>
              <td>
                {fmt(o.improvement.mean)}{" "}
                {o.improvement.ci95 ? `(${fmt(o.improvement.ci95[0])} to ${fmt(o.improvement.ci95[1])})` : ""}
              </td>
              <td>{o.pOneTailed === null ? "—" : o.pOneTailed < 0.001 ? "< 0.001" : fmt(o.pOneTailed, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>MED histogram ({analysis.medHistogram.n} patients with a MED; bins from, in mg)</h2>
      <svg
        class="histogram"
        viewBox={`0 0 ${bins.length * 40 + 20} 140`}
        role="img"
        aria-label="Histogram of MEDs"
      >
        {bins.map((b, i) => (
          <g key={i}>
            <rect
              x={10 + i * 40}
              y={110 - (b.count / max) * 100}
              width={32}
              height={(b.count / max) * 100}
              class="bar"
            />
            <text x={26 + i * 40} y={128} text-anchor="middle" class="axis">
              {b.fromMg}
            </text>
            <text x={26 + i * 40} y={105 - (b.count / max) * 100} text-anchor="middle" class="axis">
              {b.count}
            </text>
          </g>
        ))}
      </svg>
    </section>
  );
}
