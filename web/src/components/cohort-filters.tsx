/**
 * The cohort page's filters (protocol, plan start dates), the same rows as CSV,
 * and how the courses went: responder rate, time to MED, drop-outs.
 */
import type { CourseDto } from "../../../src/http/api/cohort.ts";

export interface CohortFilterValues {
  readonly protocol: string;
  readonly from: string;
  readonly to: string;
}

/** The query string of the filters, empty fields left out: "?protocol=micro-titration&from=2027-01-01". */
export function filterQuery(f: CohortFilterValues): string {
  const q = new URLSearchParams();
  if (f.protocol) q.set("protocol", f.protocol);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function CohortFilters(props: {
  readonly value: CohortFilterValues;
  readonly protocols: readonly { id: string; name: string }[];
  readonly onChange: (f: CohortFilterValues) => void;
}) {
  const { value, onChange } = props;
  const set = (key: keyof CohortFilterValues) => (e: Event) =>
    onChange({ ...value, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Protocol
        <select name="protocol" value={value.protocol} onChange={set("protocol")}>
          <option value="">All protocols</option>
          {props.protocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Started from
        <input type="date" name="from" value={value.from} onChange={set("from")} />
      </label>
      <label>
        to
        <input type="date" name="to" value={value.to} onChange={set("to")} />
      </label>
      <a class="button" href={`/api/cohort.csv${filterQuery(value)}`} download="ldn-cohort.csv">
        Download CSV
      </a>
    </form>
  );
}

const pct = (p: { n: number; of: number; percent: number | null }) =>
  `${p.n} of ${p.of}${p.percent === null ? "" : ` (${p.percent.toFixed(0)}%)`}`;

export function CourseCard({ course }: { readonly course: CourseDto }) {
  const d = course.daysToMed;
  return (
    <div class="card">
      <h2>How the titrations went</h2>
      <table class="compact">
        <tbody>
          <tr>
            <th scope="row">Responders (pain 30% lower after the MED)</th>
            <td>
              {course.responders.of > 0
                ? pct(course.responders)
                : "No patient has pain scores before and after yet"}
            </td>
          </tr>
          <tr>
            <th scope="row">Days from start to MED, median (range)</th>
            <td>{d ? `${d.median} (${d.min} to ${d.max}), n = ${d.n}` : "No MED set yet"}</td>
          </tr>
          <tr>
            <th scope="row">Stopped before a MED</th>
            <td>{pct(course.dropOuts)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
