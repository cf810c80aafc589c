/** The engine's recommendation on a patient's chart, with the clinician's accept or override. */
import { useState } from "preact/hooks";
import type { AssessmentDto, DecisionDto } from "../../../src/http/routes/assessment.ts";
import { api, messageOf } from "../api.ts";
import { EngineAlerts } from "./alerts.tsx";
import { ErrorNote } from "./field-error.tsx";
import { STATE_LABEL, shortDate, whenText } from "../format.ts";

type Decision = DecisionDto;

/** "Accepted by Dr K. Lee, Mon 4 Jan, 10:32" or "Overridden by ...: set the daily dose to 0.7 mg". */
export function decisionText(d: Decision): string {
  const who = d.decidedByName ?? "a clinician";
  return d.decision === "accept"
    ? `Accepted by ${who}, ${whenText(d.decidedAt)}`
    : `Overridden by ${who}, ${whenText(d.decidedAt)}: ${d.insteadText ?? "a change of plan"}`;
}

export function Recommendation({
  id,
  assessment,
  onDecided,
}: {
  readonly id: string;
  readonly assessment: AssessmentDto;
  readonly onDecided: () => void;
}) {
  const [overriding, setOverriding] = useState(false);
  const [kind, setKind] = useState("set-dose");
  const [dose, setDose] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decided = assessment.decision;
  const decide = async (decision: "accept" | "override") => {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const instead =
        kind === "set-dose" || kind === "set-med"
          ? { kind, totalUg: Math.round(Number(dose) * 1000) }
          : { kind };
      await api.post(
        `/api/patients/${id}/decisions`,
        decision === "accept"
          ? { decision, asOf: assessment.asOf }
          : { decision, asOf: assessment.asOf, reason, instead },
      );
      setOverriding(false);
      onDecided();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class={`card recommendation ${assessment.waiting ? "waiting" : ""}`} aria-labelledby="rec-title">
      <h2 id="rec-title">
        Engine recommendation {assessment.waiting && <span class="tag attention">waiting for you</span>}
      </h2>
      <EngineAlerts alerts={assessment.alerts} />
      <p class="big">
        <span class={`state ${assessment.state}`}>{STATE_LABEL[assessment.state]}</span> {assessment.summary}
        {assessment.hormesis && <span class="tag warning">hormesis: a higher dose was worse</span>}
      </p>
      <p>
        Next ({shortDate(assessment.next.date)}): <strong>{assessment.next.total}</strong> —{" "}
        {assessment.next.doses.map((d) => `${d.dose} at ${d.time}`).join(", ")}
      </p>
      <details>
        <summary>
          Why ({assessment.reasons.length} {assessment.reasons.length === 1 ? "reason" : "reasons"}, as of{" "}
          {shortDate(assessment.asOf)})
        </summary>
        <ol class="small reasons">
          {assessment.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
      </details>
      <p class="muted small">
        Decision support: the engine recommends, you decide. Your decision is recorded with your name.
      </p>
      {decided && (
        <p class="decided" role="status">
          <strong>{decisionText(decided)}</strong>
          {decided.reason ? ` — “${decided.reason}”` : ""}
        </p>
      )}
      <ErrorNote message={error} />
      {!overriding ? (
        <div class="row">
          {!decided && (
            <button type="button" disabled={busy} onClick={() => decide("accept")}>
              Accept recommendation
            </button>
          )}
          <button type="button" class="secondary" onClick={() => setOverriding(true)}>
            Override…
          </button>
        </div>
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void decide("override");
          }}
        >
          <label>
            Instead
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="set-dose">Set the daily dose</option>
              <option value="set-med">Set the MED</option>
              <option value="pause">Pause</option>
              <option value="resume">Resume</option>
              <option value="stop">Stop</option>
            </select>
          </label>
          {(kind === "set-dose" || kind === "set-med") && (
            <label>
              Daily dose (mg)
              <input
                type="number"
                step="0.1"
                min="0.1"
                required
                value={dose}
                onInput={(e) => setDose(e.currentTarget.value)}
              />
            </label>
          )}
          <label>
            Reason (kept in the record)
            <textarea required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="submit" disabled={busy}>
              Record override
            </button>
            <button type="button" class="secondary" onClick={() => setOverriding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
