/** Questionnaire answers as scored, and the change in BPI since the first one. */
import { shortDate } from "../format.ts";
import { QUESTIONNAIRE_FORMS } from "../questionnaire-forms.ts";
import type { QuestionnaireDto } from "../../../src/http/routes/questionnaires.ts";

/**
 * Meaningful change (clinical reference, section 4): pain about 2 points or 30% (Farrar 2001);
 * BPI interference 1 point.
 */
function meaningful(scoreId: string, before: number, after: number): boolean {
  const drop = before - after;
  if (scoreId === "interference") return drop >= 1;
  return drop >= 2 || (before > 0 && drop / before >= 0.3);
}

const titleOf = (instrument: string) =>
  QUESTIONNAIRE_FORMS.find((f) => f.instrument === instrument)?.title ?? instrument.toUpperCase();

export function QuestionnaireResults({
  responses,
  forPatient,
}: {
  readonly responses: readonly QuestionnaireDto[];
  readonly forPatient: boolean;
}) {
  if (responses.length === 0)
    return (
      <p class="muted">
        {forPatient
          ? "None yet. Your clinic asks about your pain before you start and again about 4 weeks after your best dose is found."
          : "None yet. Outcomes are measured before titration and again at least 4 weeks after the MED."}
      </p>
    );
  const bpi = responses.filter((r) => r.instrument === "bpi");
  const value = (r: QuestionnaireDto | undefined, scoreId: string) => {
    const score = r?.scores.scores.find((s) => s.id === scoreId);
    return score?.status === "computed" ? score.value : undefined;
  };
  const first = bpi[0];
  const last = bpi.length > 1 ? bpi.at(-1) : undefined;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Questionnaire</th>
            <th scope="col">Scores</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id}>
              <td>{shortDate(r.answeredOn)}</td>
              <td>{titleOf(r.instrument)}</td>
              <td>
                {r.scores.scores
                  .map((s) => `${s.label}: ${s.status === "computed" ? s.value.toFixed(1) : "not scored"}`)
                  .join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
    </>
  );
}
