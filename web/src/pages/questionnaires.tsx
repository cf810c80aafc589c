/** Outcome questionnaires: enter a BPI, see the scores and the change since the first one. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { shortDate, todayIso } from "../format.ts";

interface Score {
  readonly id: string;
  readonly label: string;
  readonly status: string;
  readonly value?: number;
}
interface Response {
  readonly id: string;
  readonly instrument: string;
  readonly answeredOn: string;
  readonly scores: { readonly scores?: readonly Score[] };
}

const SEVERITY = [
  ["worst", "Worst pain, last 24 h"],
  ["least", "Least pain, last 24 h"],
  ["average", "Average pain"],
  ["now", "Pain right now"],
] as const;
const INTERFERENCE = [
  ["activity", "General activity"],
  ["mood", "Mood"],
  ["walking", "Walking ability"],
  ["work", "Normal work"],
  ["relations", "Relations with others"],
  ["sleep", "Sleep"],
  ["enjoyment", "Enjoyment of life"],
] as const;

const BPI_SECTIONS = [
  ["Pain severity (0 none – 10 worst imaginable)", SEVERITY],
  ["Interference (0 none – 10 completely)", INTERFERENCE],
] as const;

/**
 * Meaningful change (clinical reference, section 4): pain about 2 points or 30% (Farrar 2001);
 * BPI interference 1 point.
 */
function meaningful(scoreId: string, before: number, after: number): boolean {
  const drop = before - after;
  if (scoreId === "interference") return drop >= 1;
  return drop >= 2 || (before > 0 && drop / before >= 0.3);
}

export function Questionnaires({ id, forPatient }: { readonly id: string; readonly forPatient?: boolean }) {
  const [responses, setResponses] = useState<Response[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [answeredOn, setAnsweredOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const load = () =>
    api
      .get<Response[]>(`/api/patients/${id}/questionnaires`)
      .then(setResponses, (e) => setError(messageOf(e)));
  useEffect(() => void load(), [id]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const given = Object.fromEntries(
      Object.entries(answers)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => [k, Number(v)]),
    );
    try {
      await api.post(`/api/patients/${id}/questionnaires`, { instrument: "bpi", answeredOn, answers: given });
      setAnswers({});
      setOpen(false);
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const bpi = responses.filter((r) => r.instrument === "bpi");
  const value = (r: Response | undefined, scoreId: string) =>
    r?.scores.scores?.find((s) => s.id === scoreId && s.status === "computed")?.value;
  const first = bpi[0];
  const last = bpi.length > 1 ? bpi.at(-1) : undefined;
  return (
    <div class="card">
      <h2>{forPatient ? "Your questionnaires" : "Questionnaires"}</h2>
      {responses.length === 0 && (
        <p class="muted">
          {forPatient
            ? "None yet. Your clinic asks you about your pain before you start and again about 4 weeks after your best dose is found."
            : "None yet. 004 measured outcomes before titration and again at least 4 weeks after the MED."}
        </p>
      )}
      {responses.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Instrument</th>
              <th scope="col">Scores</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((r) => (
              <tr key={r.id}>
                <td>{shortDate(r.answeredOn)}</td>
                <td>{r.instrument.toUpperCase()}</td>
                <td>
                  {(r.scores.scores ?? [])
                    .map(
                      (s) =>
                        `${s.label}: ${s.status === "computed" ? (s.value ?? 0).toFixed(1) : "not computed"}`,
                    )
                    .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {first && last && (
        <ul class="change">
          {["severity", "interference"].map((scoreId) => {
            const a = value(first, scoreId);
            const b = value(last, scoreId);
            if (a === undefined || b === undefined) return null;
            const ok = meaningful(scoreId, a, b);
            return (
              <li key={scoreId}>
                BPI {scoreId}: {a.toFixed(1)} → {b.toFixed(1)} ({(b - a).toFixed(1)}){" "}
                <span class={ok ? "tag good" : "tag"}>
                  {ok ? "meaningful improvement" : "not a meaningful change"}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {forPatient ? "Answer the pain questionnaire (BPI)" : "Enter a BPI"}
        </button>
      ) : (
        <form onSubmit={submit} class="stack">
          <label>
            Answered on
            <input
              type="date"
              required
              value={answeredOn}
              onInput={(e) => setAnsweredOn(e.currentTarget.value)}
            />
          </label>
          {BPI_SECTIONS.map(([legend, items]) => (
            <fieldset class="bpi" key={legend}>
              <legend>{legend}</legend>
              {items.map(([key, label]) => (
                <label key={key}>
                  {label}
                  <input
                    type="number"
                    min={0}
                    max={10}
                    value={answers[key] ?? ""}
                    onInput={(e) => setAnswers({ ...answers, [key]: e.currentTarget.value })}
                  />
                </label>
              ))}
            </fieldset>
          ))}
          <ErrorNote message={error} />
          <button type="submit">Score and save</button>
        </form>
      )}
    </div>
  );
}
