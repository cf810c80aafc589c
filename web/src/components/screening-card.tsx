/**
 * The patient's screening on their page: eligibility, reasons (citations behind "Source"), the
 * opioids with their morphine equivalents, a form to screen again, and the history of changes.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { whenText } from "../format.ts";
import { ErrorNote } from "./field-error.tsx";
import { answersOf, draftOf, ScreeningFields } from "./screening-fields.tsx";
import { Source } from "./source.tsx";
import type { PatientDetail } from "../../../src/http/api/patients.ts";

type ScreeningResult = PatientDetail["screening"]["result"];

interface HistoryEntry {
  readonly at: string;
  readonly byName: string | null;
  readonly changes: readonly string[];
  readonly eligibilityBefore: string | null;
  readonly eligibilityAfter: string | null;
}

export const ELIGIBILITY_LABEL: Readonly<Record<string, string>> = {
  eligible: "Eligible",
  "needs-review": "Needs review",
  "not-eligible": "Not eligible",
};

/**
 * The server's MME text (the domain's `formatMme`: never rounded across a threshold), or
 * the exact figure for a screening stored before the text was added.
 */
const mmeText = (text: string | undefined, mme: number): string => text ?? String(mme);

function MmeTable({ mme }: { readonly mme: NonNullable<ScreeningResult["mme"]> }) {
  return (
    <table class="compact small">
      <caption class="sr-only">Opioids and their morphine equivalents (CDC 2022 factors)</caption>
      <thead>
        <tr>
          <th scope="col">Opioid, as written</th>
          <th scope="col">Per day</th>
          <th scope="col">Factor</th>
          <th scope="col">MME/day</th>
        </tr>
      </thead>
      <tbody>
        {mme.lines.map((l) => (
          <tr key={l.written + l.amount}>
            <td>
              {l.written} {l.amount} {l.unit}
              {l.dosesPerDay ? ` x${l.dosesPerDay}` : ""}
            </td>
            <td class="nowrap">
              {l.perDay} {l.perDayUnit}
            </td>
            <td>{l.factor}</td>
            <td>{mmeText(l.mmePerDayText, l.mmePerDay)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" colSpan={3}>
            Total (CDC 2022)
          </th>
          <td>
            <strong>{mmeText(mme.totalText, mme.totalMmePerDay)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Rescreen(props: {
  readonly id: string;
  readonly answers: Record<string, unknown> | undefined;
  readonly onDone: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(props.answers));
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/patients/${props.id}/screening`, answersOf(draft));
      props.onDone();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-label="Screen again">
      <ScreeningFields value={draft} onChange={setDraft} />
      <ErrorNote message={error} />
      <button type="submit">Screen again</button>
    </form>
  );
}

function History({ entries }: { readonly entries: readonly HistoryEntry[] }) {
  return (
    <div class="screening-history">
      <h3>Screening history</h3>
      <ul class="small">
        {entries.map((e) => (
          <li key={e.at}>
            {whenText(e.at)}, {e.byName ?? "a former staff member"}:{" "}
            {e.changes.join("; ") || "no answer changed"}
            {e.eligibilityBefore !== e.eligibilityAfter &&
              ` (${ELIGIBILITY_LABEL[e.eligibilityBefore ?? ""] ?? "unknown"} → ${
                ELIGIBILITY_LABEL[e.eligibilityAfter ?? ""] ?? "unknown"
              })`}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ScreeningCard(props: {
  readonly id: string;
  readonly screening: PatientDetail["screening"];
  readonly onChanged: () => void;
}) {
  const screening = props.screening.result;
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    api.get<HistoryEntry[]>(`/api/patients/${props.id}/screening-history`).then(setHistory, () => undefined);
  }, [props.id, props.screening]);
  return (
    <div class="card">
      <h2>Screening</h2>
      <p>
        <span class={`eligibility ${screening.eligibility}`}>
          {ELIGIBILITY_LABEL[screening.eligibility] ?? screening.eligibility}
        </span>
        {screening.mme && (
          <span class="tag">{mmeText(screening.mme.totalText, screening.mme.totalMmePerDay)} MME/day</span>
        )}
      </p>
      <ul class="small">
        {screening.reasons.map((r) => (
          <li key={r.message}>
            {r.message} <Source>{r.source}</Source>
          </li>
        ))}
      </ul>
      {screening.mme && screening.mme.lines.length > 0 && <MmeTable mme={screening.mme} />}
      {screening.mme?.flags.map((f) => (
        <p key={f.message} class="small warning">
          {f.message} <Source>{f.source}</Source>
        </p>
      ))}
      {screening.opioidsWithoutMme.length > 0 && (
        <p class="small warning">No MME factor for: {screening.opioidsWithoutMme.join(", ")}.</p>
      )}
      {editing ? (
        <Rescreen
          id={props.id}
          answers={props.screening.answers}
          onDone={() => {
            setEditing(false);
            props.onChanged();
          }}
        />
      ) : (
        <button type="button" class="secondary" onClick={() => setEditing(true)}>
          Edit screening
        </button>
      )}
      {history.length > 0 && <History entries={history} />}
    </div>
  );
}
