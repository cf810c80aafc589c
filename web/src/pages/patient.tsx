/** A patient's chart for clinicians (and the plan and compounding for pharmacists). */
import { useEffect, useState } from "preact/hooks";
import type { AssessmentDto, DecisionDto } from "../../../src/http/routes/assessment.ts";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import type { PatientDetail, PlanDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { TitrationChart, type ChartDay } from "../components/chart.tsx";
import { DiaryCorrections } from "../components/diary-corrections.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import { decisionText, Recommendation } from "../components/recommendation.tsx";
import { SIDE_EFFECT_LABEL, STATE_LABEL, doseText, shortDate } from "../format.ts";
import { PlanForm } from "./plan-form.tsx";
import { Questionnaires } from "./questionnaires.tsx";

/**
 * The server's MME text (the domain's `formatMme`: never rounded across a threshold), or
 * the exact figure for a screening stored before the text was added.
 */
function mmeText(text: string | undefined, mme: number): string {
  return text ?? String(mme);
}

export function PatientChart({ id, role }: { readonly id: string; readonly role: string }) {
  const clinical = role === "clinician";
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [plans, setPlans] = useState<PlanDto[]>([]);
  const [checkIns, setCheckIns] = useState<DiaryDayDto[]>([]);
  const [assessment, setAssessment] = useState<AssessmentDto | null>(null);
  const [decisions, setDecisions] = useState<DecisionDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    (async () => {
      try {
        setPlans(await api.get<PlanDto[]>(`/api/patients/${id}/plans`));
        if (!clinical) return;
        setPatient(await api.get<PatientDetail>(`/api/patients/${id}`));
        setCheckIns(await api.get<DiaryDayDto[]>(`/api/patients/${id}/check-ins`));
        setAssessment(await api.get<AssessmentDto | null>(`/api/patients/${id}/assessment`));
        setDecisions(await api.get<DecisionDto[]>(`/api/patients/${id}/decisions`));
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }, [id, version, clinical]);

  const plan = plans.at(-1);
  if (!clinical) return <PharmacyView id={id} plan={plan} error={error} />;
  if (!patient) return error ? <ErrorNote message={error} /> : <p class="loading">Loading…</p>;
  const start = plan?.startDate ?? "9999-12-31";
  const baseline = checkIns.filter((c) => c.date < start).map((c) => c.checkIn.pain);
  const days: ChartDay[] = checkIns
    .filter((c) => c.date >= start)
    .map((c) => ({
      date: c.date,
      totalUg: c.checkIn.doses.reduce((s, d) => s + d.ug, 0),
      pain: c.checkIn.pain,
      mood: c.checkIn.mood ?? null,
      energy: c.checkIn.energy ?? null,
      clarity: c.checkIn.clarity ?? null,
      sideEffects: c.checkIn.sideEffects,
    }));
  const screening = patient.screening.result as {
    eligibility: string;
    reasons: { message: string; source: string }[];
    mme: {
      totalMmePerDay: number;
      totalText?: string;
      lines: {
        written: string;
        amount: number;
        unit: string;
        dosesPerDay: number | null;
        perDay: number;
        perDayUnit: string;
        factor: number;
        mmePerDay: number;
        mmePerDayText?: string;
      }[];
      flags: { message: string; source: string }[];
    } | null;
    opioidsWithoutMme?: string[];
  };
  return (
    <section>
      <div class="row spread">
        <h1>{patient.displayName}</h1>
        <Invite id={id} joined={patient.joined} />
      </div>
      <ErrorNote message={error} />
      <div class="grid-2">
        <div class="card">
          <h2>Screening</h2>
          <p>
            <span class={`eligibility ${screening.eligibility}`}>
              {screening.eligibility.replace("-", " ")}
            </span>
            {screening.mme && (
              <span class="tag">
                {mmeText(screening.mme.totalText, screening.mme.totalMmePerDay)} MME/day
              </span>
            )}
          </p>
          <ul class="small">
            {screening.reasons.map((r) => (
              <li key={r.message}>
                {r.message} <span class="muted">({r.source})</span>
              </li>
            ))}
          </ul>
          {screening.mme && screening.mme.lines.length > 0 && (
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
                {screening.mme.lines.map((l) => (
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
                    <strong>{mmeText(screening.mme.totalText, screening.mme.totalMmePerDay)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          )}
          {screening.mme?.flags.map((f) => (
            <p key={f.message} class="small warning">
              {f.message} <span class="muted">({f.source})</span>
            </p>
          ))}
          {(screening.opioidsWithoutMme ?? []).length > 0 && (
            <p class="small warning">No MME factor for: {screening.opioidsWithoutMme!.join(", ")}.</p>
          )}
        </div>
        <div class="card">
          <h2>Plan</h2>
          {plan ? (
            <PlanSummary id={id} plan={plan} state={assessment?.state} />
          ) : (
            <PlanForm id={id} screening={patient.screening.result} onCreated={reload} />
          )}
        </div>
      </div>
      {plan && (
        <div class="card">
          <h2>Titration</h2>
          <TitrationChart
            days={days}
            windowUg={assessment?.windowUg ?? null}
            medUg={assessment?.medUg ?? null}
            baselinePain={baseline.length ? baseline.reduce((a, b) => a + b, 0) / baseline.length : null}
          />
        </div>
      )}
      {assessment && plan && !assessment.started && (
        <div class="card" aria-labelledby="rec-title">
          <h2 id="rec-title">Engine recommendation</h2>
          <p>
            The plan starts on {shortDate(plan.startDate)}: first doses{" "}
            <strong>{assessment.next.total}</strong> (
            {assessment.next.doses.map((d) => `${d.dose} at ${d.time}`).join(", ")}). The engine’s first
            recommendation comes with the first check-in on the plan.
          </p>
        </div>
      )}
      {assessment?.started && <Recommendation id={id} assessment={assessment} onDecided={reload} />}
      {decisions.length > 0 && (
        <div class="card">
          <h2>Decisions</h2>
          <ul>
            {decisions.map((d) => (
              <li key={d.recommendationId}>
                {shortDate(d.asOf)} ({STATE_LABEL[d.state] ?? d.state}): {decisionText(d)}
                {d.reason ? ` — “${d.reason}”` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checkIns.length > 0 && <Diary entries={checkIns} />}
      <Questionnaires id={id} />
    </section>
  );
}

function PlanSummary({
  id,
  plan,
  state,
}: {
  readonly id: string;
  readonly plan: PlanDto;
  readonly state?: string | undefined;
}) {
  // The PDF prints the doses the patient takes (held at the MED, or the protocol continued from
  // the engine's level); a stopped patient takes none, so there is nothing to print.
  const printable = state !== "stopped";
  return (
    <div class="stack">
      <p>
        <strong>{plan.protocolName}</strong>{" "}
        <span class="muted">
          ({plan.protocolId}@{plan.protocolVersion})
        </span>
        <br />
        from {shortDate(plan.startDate)}, {plan.detector} detector
      </p>
      {plan.interactionAck && (
        <p class="small warning">Opioid interaction acknowledged: “{plan.interactionAck.reason}”</p>
      )}
      <p class="row">
        <a class="button secondary" href={`/patients/${id}/schedule`}>
          Schedule and instructions
        </a>
        {printable && (
          <a
            class="button secondary"
            href={`/api/patients/${id}/schedule.pdf`}
            target="_blank"
            rel="noopener"
          >
            Print schedule (PDF)
          </a>
        )}
      </p>
    </div>
  );
}

function Diary({ entries }: { readonly entries: readonly DiaryDayDto[] }) {
  return (
    <details class="card">
      <summary>
        <h2 class="inline">
          Diary ({entries.length} {entries.length === 1 ? "day" : "days"})
        </h2>
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Taken</th>
            <th scope="col">Pain</th>
            <th scope="col">Mood / energy / clarity</th>
            <th scope="col">Side effects</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((e) => (
            <tr key={e.id}>
              <td class="nowrap">
                {shortDate(e.date)}
                <DiaryCorrections day={e} />
              </td>
              <td>{e.checkIn.doses.map((d) => `${doseText(d.ug)} ${d.time}`).join(", ") || "none"}</td>
              <td>{e.checkIn.pain}</td>
              <td>
                {e.checkIn.mood ?? "–"} / {e.checkIn.energy ?? "–"} / {e.checkIn.clarity ?? "–"}
              </td>
              <td>{e.checkIn.sideEffects.map((s) => SIDE_EFFECT_LABEL[s] ?? s).join(", ")}</td>
              <td class="note">{e.checkIn.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Invite({ id, joined }: { readonly id: string; readonly joined: boolean }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invite = async () => {
    try {
      const res = await api.post<{ path: string; expiresAt: string }>(`/api/patients/${id}/invitations`, {});
      setLink(`${location.origin}${res.path}`);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div class="invite">
      {link ? (
        <p class="small">
          Give the patient this single-use link (shown once):{" "}
          <input
            class="invite-link"
            readOnly
            value={link}
            aria-label="Invitation link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      ) : (
        <button type="button" class="secondary" onClick={invite}>
          {joined ? "New invitation (resets password)" : "Invite to join"}
        </button>
      )}
      <ErrorNote message={error} />
    </div>
  );
}

function PharmacyView({
  id,
  plan,
  error,
}: {
  readonly id: string;
  readonly plan: PlanDto | undefined;
  readonly error: string | null;
}) {
  const [fill, setFill] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    if (plan)
      api.get<Record<string, unknown>>(`/api/patients/${id}/compounding`).then(setFill, () => undefined);
  }, [id, plan]);
  const strengths = (fill?.strengths ?? []) as { strength: string; quantity: number }[];
  return (
    <section>
      <h1>Compounding</h1>
      <ErrorNote message={error} />
      {!plan && <p>No plan yet.</p>}
      {plan && <PlanSummary id={id} plan={plan} />}
      {strengths.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Strength</th>
              <th scope="col">Capsules (next 28 days)</th>
            </tr>
          </thead>
          <tbody>
            {strengths.map((s) => (
              <tr key={s.strength}>
                <td>{s.strength}</td>
                <td>{s.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
